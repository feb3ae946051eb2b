import { error } from '@sveltejs/kit';
import { parseStoredDerived } from '$lib/server/storedDerived';
import { diffDerived } from '$lib/import/diff';
import { translator, urlLocale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { requireArea } from '$lib/server/admin/guard';
import { getBackend } from '$lib/server/db/current';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireArea(event, 'versions');
	const db = await getBackend();
	const t = translator(urlLocale(event.url), admin);
	const id = async (name: string) => {
		const raw = event.url.searchParams.get(name) ?? '';
		if (!/^\d{1,9}$/.test(raw)) error(400, t('admin.error.versionParam', { name, raw: raw.slice(0, 20) }));
		const info = await db.versionInfo(Number(raw));
		if (!info) error(404, t('admin.error.noVersion', { n: raw }));
		return info;
	};
	const a = await id('a');
	const b = await id('b');
	const diff = diffDerived(
		parseStoredDerived(await db.versionDerived(a.id)),
		parseStoredDerived(await db.versionDerived(b.id)),
		await db.versionFiles(a.id),
		await db.versionFiles(b.id)
	);
	return { a, b, diff: { ...diff, values: diff.values.slice(0, 1000) }, truncated: diff.values.length > 1000 };
};
