// `npm run db:backup -- <file>` writes the whole store (every version, the audit log) to a file
// with SQLite's online backup, safe while the server runs. `npm run db:restore -- <file>` checks
// such a file and copies it over the store at DATABASE_PATH (stop the server first).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { backupTo, checkStoreFile, openDatabase } from '../src/lib/server/db/database';

const [command, file] = process.argv.slice(2);
const store = resolve(process.env.DATABASE_PATH || join('data', 'kontoratlas.db'));
if (!['backup', 'restore'].includes(command) || !file) {
	console.error('usage: npm run db:backup -- <file> | npm run db:restore -- <file>');
	process.exit(2);
}
// PostgreSQL has its own online backup; these commands copy the SQLite file only.
if (process.env.DATABASE_URL) {
	console.error('db: DATABASE_URL names a PostgreSQL store: back it up with pg_dump and restore it with pg_restore (see README)');
	process.exit(2);
}
const target = resolve(file);
try {
	if (command === 'backup') {
		if (!existsSync(store)) throw new Error(`no store at ${store} (DATABASE_PATH)`);
		if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
		const db = openDatabase(store);
		await backupTo(db, target);
		db.close();
		const { versions, current } = checkStoreFile(target);
		console.log(`db: backup of ${store} written to ${target} (${versions} versions, current ${current})`);
	} else {
		const { versions, current } = checkStoreFile(target);
		// Restore through a temporary file and a rename: an interrupted restore leaves the old store.
		const tmp = `${store}.restore-${process.pid}`;
		const source = new Database(target, { readonly: true, fileMustExist: true });
		await source.backup(tmp);
		source.close();
		// Sessions and unconfirmed previews belong to the running store, not to its history:
		// a restored file must not revive a session that has since logged out.
		const restored = openDatabase(tmp);
		restored.exec('DELETE FROM sessions; DELETE FROM pending_previews;');
		restored.close();
		for (const ext of ['-wal', '-shm']) rmSync(store + ext, { force: true });
		renameSync(tmp, store);
		console.log(`db: restored ${store} from ${target} (${versions} versions, current ${current})`);
	}
} catch (e) {
	console.error(`db: ${(e as Error).message}`);
	process.exit(1);
}
