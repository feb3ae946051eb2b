// Named report templates: a report definition (its URL query) saved under a name, for everyone to
// load on /bericht. Saving and deleting need an admin session until accounts and roles exist.
import { parseDefinition, definitionQuery } from '$lib/report/definition';
import type { StoreBackend, TemplateRow } from './db/backend';
import { definitionContext } from './reportData';
import type { Store } from './store';

export type ReportTemplate = TemplateRow;

export const MAX_TEMPLATE_NAME = 80;

export function listTemplates(db: StoreBackend): Promise<ReportTemplate[]> {
	return db.listTemplates();
}

export type SaveResult = { ok: true; id: number } | { ok: false; reason: 'name' | 'definition' };

/** Saves (or, under a name already used, replaces) a template; the definition must parse against the current data. */
export async function saveTemplate(db: StoreBackend, store: Store, name: string, query: string, user: string): Promise<SaveResult> {
	const clean = name.replace(/\s+/g, ' ').trim();
	if (clean === '' || clean.length > MAX_TEMPLATE_NAME) return { ok: false, reason: 'name' };
	const parsed = parseDefinition(new URLSearchParams(query), definitionContext(store));
	if (!parsed.ok) return { ok: false, reason: 'definition' };
	const definition = definitionQuery(parsed.definition);
	const id = await db.saveTemplate(
		{ name: clean, definition, createdBy: user.slice(0, 100), createdAt: new Date().toISOString() },
		{ who: user, action: 'report-template-save', detail: `${clean}: ${definition}`, added: null, changed: null, removed: null, version: null }
	);
	return { ok: true, id };
}

export async function deleteTemplate(db: StoreBackend, id: number, user: string): Promise<boolean> {
	const name = await db.deleteTemplate(id, (name) => ({
		who: user,
		action: 'report-template-delete',
		detail: name,
		added: null,
		changed: null,
		removed: null,
		version: null
	}));
	return name !== null;
}
