import { error } from '@sveltejs/kit';
import { parseStoredDerived } from '$lib/server/storedDerived';
import { diffDerived } from '$lib/import/diff';
import { translator, urlLocale } from '$lib/i18n';
import { admin } from '$lib/i18n/admin';
import { requireArea } from '$lib/server/admin/guard';
import { getDatabase } from '$lib/server/db/current';
import { versionDerived, versionFiles, versionInfo } from '$lib/server/db/database';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'versions');
	const db = getDatabase();
	const t = translator(urlLocale(event.url), admin);
	const id = (name: string) => {
		const raw = event.url.searchParams.get(name) ?? '';
		if (!/^\d{1,9}$/.test(raw)) error(400, t('admin.error.versionParam', { name, raw: raw.slice(0, 20) }));
		const info = versionInfo(db, Number(raw));
		if (!info) error(404, t('admin.error.noVersion', { n: raw }));
		return info;
	};
	const a = id('a');
	const b = id('b');
	const diff = diffDerived(
		parseStoredDerived(versionDerived(db, a.id)),
		parseStoredDerived(versionDerived(db, b.id)),
		versionFiles(db, a.id),
		versionFiles(db, b.id)
	);
	return { a, b, diff: { ...diff, values: diff.values.slice(0, 1000) }, truncated: diff.values.length > 1000 };
};
