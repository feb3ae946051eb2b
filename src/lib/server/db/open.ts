// Chooses and opens the store: PostgreSQL when a postgres:// URL is given (DATABASE_URL), else the
// SQLite file. Free of SvelteKit imports, so the command-line tools open the store as the server does.
import type { StoreBackend } from './backend';
import { poolSize, PostgresBackend } from './postgres';
import { SqliteBackend } from './sqlite';

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** Opens the store and brings its schema up to date. */
export async function openBackend(o: { url?: string; path: string; pool?: string }): Promise<StoreBackend> {
	if (o.url) {
		if (!isPostgresUrl(o.url)) throw new Error(`DATABASE_URL must be a postgres:// URL, not "${o.url.split(':')[0]}:…" (leave it unset for the SQLite file)`);
		const pg = new PostgresBackend(o.url, { max: poolSize(o.pool) });
		try {
			await pg.migrate();
		} catch (e) {
			await pg.close();
			throw e;
		}
		return pg;
	}
	return new SqliteBackend(o.path);
}

/** A store named on the command line: `sqlite:FILE` (or a plain file name) or a postgres:// URL. */
export function openNamedBackend(spec: string): Promise<StoreBackend> {
	if (isPostgresUrl(spec)) return openBackend({ url: spec, path: '' });
	return openBackend({ path: spec.replace(/^sqlite:/, '') });
}
