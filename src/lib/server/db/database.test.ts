import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, currentVersionId, insertVersion, listVersions, migrate } from './database';
import type { Derived } from '$lib/data/derived';

/** A store as the previous release left it: the first two migrations, one seed and one import. */
function storeAtSchema2() {
	const db = new Database(':memory:');
	db.pragma('foreign_keys = ON');
	for (const m of MIGRATIONS.slice(0, 2)) db.exec(typeof m === 'string' ? m : m.sql);
	db.pragma('user_version = 2');
	const insert = db.prepare(
		"INSERT INTO versions (created_at, created_by, kind, summary, based_on, files, derived) VALUES ('2026-01-01', 'x', ?, 's', ?, '{}', '{}')"
	);
	insert.run('seed', null);
	insert.run('import-csv', 1);
	db.prepare('INSERT INTO current (singleton, version) VALUES (1, 2)').run();
	return db;
}

describe('store migrations', () => {
	it('frees the version kind without losing versions or references', () => {
		const db = storeAtSchema2();
		migrate(db);
		expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
		expect(listVersions(db).map((v) => [v.id, v.kind, v.basedOn])).toEqual([
			[2, 'import-csv', 1],
			[1, 'seed', null]
		]);
		expect(currentVersionId(db)).toBe(2);
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		// References still hold after the rebuild.
		expect(() => db.prepare('UPDATE current SET version = 99').run()).toThrow(/FOREIGN KEY/);
		expect(() =>
			db.prepare("INSERT INTO versions (created_at, created_by, kind, summary, based_on, files, derived) VALUES ('x', 'x', 'seed', 's', 42, '{}', '{}')").run()
		).toThrow(/FOREIGN KEY/);
	});

	it('refuses a version kind the code does not know', () => {
		const db = storeAtSchema2();
		migrate(db);
		const v = { createdBy: 'x', summary: 's', basedOn: 2, files: new Map(), derived: {} as Derived };
		expect(() => insertVersion(db, { ...v, kind: 'guess' as never })).toThrow(/unknown version kind "guess"/);
		expect(insertVersion(db, { ...v, kind: 'rollback' })).toBe(3);
	});
});
