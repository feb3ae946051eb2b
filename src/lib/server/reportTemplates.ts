// Named report templates: a report definition (its URL query) saved under a name, for everyone to
// load on /bericht. Saving and deleting need an admin session until accounts and roles exist.
import { parseDefinition, definitionQuery } from '$lib/report/definition';
import { audit, type Db } from './db/database';
import { definitionContext } from './reportData';
import type { Store } from './store';

export interface ReportTemplate {
	id: number;
	name: string;
	/** The definition as its canonical URL query (`art=kontor&id=…`). */
	definition: string;
	createdBy: string;
	createdAt: string;
}

export const MAX_TEMPLATE_NAME = 80;

export function listTemplates(db: Db): ReportTemplate[] {
	return db
		.prepare('SELECT id, name, definition, created_by AS createdBy, created_at AS createdAt FROM report_templates ORDER BY name COLLATE NOCASE')
		.all() as ReportTemplate[];
}

export type SaveResult = { ok: true; id: number } | { ok: false; reason: 'name' | 'definition' };

/** Saves (or, under a name already used, replaces) a template; the definition must parse against the current data. */
export function saveTemplate(db: Db, store: Store, name: string, query: string, user: string): SaveResult {
	const clean = name.replace(/\s+/g, ' ').trim();
	if (clean === '' || clean.length > MAX_TEMPLATE_NAME) return { ok: false, reason: 'name' };
	const parsed = parseDefinition(new URLSearchParams(query), definitionContext(store));
	if (!parsed.ok) return { ok: false, reason: 'definition' };
	const definition = definitionQuery(parsed.definition);
	const id = db
		.transaction(() => {
			const row = db
				.prepare(
					`INSERT INTO report_templates (name, definition, created_by, created_at) VALUES (?, ?, ?, ?)
					 ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, created_by = excluded.created_by, created_at = excluded.created_at
					 RETURNING id`
				)
				.get(clean, definition, user.slice(0, 100), new Date().toISOString()) as { id: number };
			audit(db, { who: user, action: 'report-template-save', detail: `${clean}: ${definition}`, added: null, changed: null, removed: null, version: null });
			return row.id;
		})
		.immediate();
	return { ok: true, id };
}

export function deleteTemplate(db: Db, id: number, user: string): boolean {
	return db
		.transaction(() => {
			const row = db.prepare('SELECT name FROM report_templates WHERE id = ?').get(id) as { name: string } | undefined;
			if (!row) return false;
			db.prepare('DELETE FROM report_templates WHERE id = ?').run(id);
			audit(db, { who: user, action: 'report-template-delete', detail: row.name, added: null, changed: null, removed: null, version: null });
			return true;
		})
		.immediate();
}
