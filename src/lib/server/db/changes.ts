// How an app process learns that another process on the same store committed a version: SQLite
// (one host) by polling `PRAGMA data_version`, PostgreSQL by LISTEN on a channel that every version
// commit NOTIFYs in its own transaction. Either way the process then reloads its current version
// (store.ts), which empties its response cache: an import through one process is served by all.
import type { Sql, TransactionSql } from 'postgres';
import type { Db } from './database';

/** How often the SQLite store is asked whether another connection committed: well within the 1 s target, at no I/O cost. */
export const WATCH_MS = 100;

/** The PostgreSQL channel a version commit notifies (payload: the new current version's id). */
export const VERSION_CHANNEL = 'kontoratlas_version';

/** Logs when `what` starts failing and when it works again, not at every attempt in between. */
function failureLog(what: string) {
	let failing = false;
	return {
		failed(error: unknown) {
			if (!failing) console.error(`Kontoratlas: ${what}:`, error instanceof Error ? error.message : error);
			failing = true;
		},
		ok() {
			if (failing) console.error(`Kontoratlas: ${what}: works again`);
			failing = false;
		}
	};
}

/**
 * Calls `changed` after another connection (another app process, `npm run data:reseed`, a restore)
 * committed to the SQLite store. `PRAGMA data_version` changes exactly then and costs no I/O, so the
 * poll is cheap; the timer never keeps a process alive. Returns the function that stops it.
 */
export function watchDataVersion(d: Db, changed: () => void, ms = WATCH_MS): () => void {
	const read = () => d.pragma('data_version', { simple: true }) as number;
	const log = failureLog('could not load the version another process committed');
	let seen = read();
	const timer = setInterval(() => {
		try {
			const now = read();
			if (now === seen) return;
			seen = now;
			changed();
			log.ok();
		} catch (error) {
			// Requests meet the same error and answer it; the next change tries again.
			log.failed(error);
		}
	}, ms);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * LISTENs on VERSION_CHANNEL and calls `changed` for every notification (with its version), and again whenever the
 * listening connection is re-established after PostgreSQL was away (notifications sent meanwhile
 * are lost, so the current version is read afresh). postgres.js re-listens by itself after a lost
 * connection; a first LISTEN that fails (PostgreSQL down at start-up) is retried every `retryMs`.
 * Returns the function that stops listening.
 */
export function listenVersions(sql: Sql, changed: (version?: number) => void, retryMs = 1000): () => Promise<void> {
	const log = failureLog('could not LISTEN for versions other processes commit');
	let stopped = false;
	let first = true;
	let unlisten: (() => Promise<void>) | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const notify = (payload?: string) => {
		try {
			changed(payload === undefined ? undefined : Number(payload));
		} catch (error) {
			console.error('Kontoratlas: could not load the version another process committed:', error);
		}
	};
	const start = () => {
		timer = null;
		sql
			.listen(VERSION_CHANNEL, notify, () => {
				log.ok();
				// The first LISTEN starts with the version the process loaded; a later one follows a gap.
				if (!first) notify();
				first = false;
			})
			.then(
				async (l) => {
					if (stopped) await l.unlisten();
					else unlisten = l.unlisten;
				},
				(error) => {
					log.failed(error);
					// Versions committed before the LISTEN that finally works are read then.
					first = false;
					if (stopped) return;
					timer = setTimeout(start, retryMs);
					timer.unref();
				}
			);
	};
	start();
	return async () => {
		stopped = true;
		if (timer) clearTimeout(timer);
		await unlisten?.();
	};
}

/** Sends the notification inside the transaction `tx` that makes `version` current: PostgreSQL delivers it at commit, never for a rollback. */
export async function notifyVersion(tx: TransactionSql, version: number): Promise<void> {
	await tx`SELECT pg_notify(${VERSION_CHANNEL}, ${String(version)})`;
}
