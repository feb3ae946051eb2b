// Login throttling that cannot be turned against another user: failures count per client address
// AND user name, so wrong passwords for one name (or from one address) never lock out another.
// A looser limit per address alone stops one client from cycling through names. Both tables are
// LRU caches with a size cap and the window as TTL, so a flood of addresses or names costs bounded memory.
import { LRUCache } from 'lru-cache';

export interface ThrottleLimits {
	/** Failures per client address and user name within the window, then refused. */
	perUser: number;
	/** Failures per client address within the window, whatever the names. */
	perClient: number;
	windowMs: number;
	/** Keys kept at most in each table; the least recently used go first. */
	maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perUser: 5, perClient: 50, windowMs: 15 * 60 * 1000, maxKeys: 10_000 };

export class LoginThrottle {
	readonly #byUser: LRUCache<string, number[]>;
	readonly #byClient: LRUCache<string, number[]>;

	constructor(readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {
		// No TTL timers: a key is dropped when it is read after its window, or when the cap is reached.
		const options = { max: limits.maxKeys, ttl: limits.windowMs, ttlAutopurge: false };
		this.#byUser = new LRUCache(options);
		this.#byClient = new LRUCache(options);
	}

	/** Seconds until this client may try this user name again, or 0. */
	blockedFor(client: string, user: string, now = Date.now()): number {
		return Math.max(this.#wait(this.#byUser, userKey(client, user), this.limits.perUser, now), this.#wait(this.#byClient, client, this.limits.perClient, now));
	}

	/** Counts a failed attempt. */
	fail(client: string, user: string, now = Date.now()): void {
		this.#add(this.#byUser, userKey(client, user), this.limits.perUser, now);
		this.#add(this.#byClient, client, this.limits.perClient, now);
	}

	/** A successful login forgets this client's failures for this name (not its other ones). */
	succeed(client: string, user: string): void {
		this.#byUser.delete(userKey(client, user));
	}

	/** Keys held in the two tables together (for tests of the memory bound). */
	get size(): number {
		return this.#byUser.size + this.#byClient.size;
	}

	#recent(table: LRUCache<string, number[]>, key: string, now: number): number[] {
		return (table.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
	}

	#wait(table: LRUCache<string, number[]>, key: string, limit: number, now: number): number {
		const recent = this.#recent(table, key, now);
		if (recent.length < limit) return 0;
		// The attempt that unblocks is the one after the oldest counted failure leaves the window.
		return Math.ceil((recent[recent.length - limit] + this.limits.windowMs - now) / 1000);
	}

	#add(table: LRUCache<string, number[]>, key: string, limit: number, now: number): void {
		// Only the last `limit` failures matter; older ones are dropped so an entry stays small.
		table.set(key, [...this.#recent(table, key, now), now].slice(-limit));
	}
}

/** Names are compared as typed (the credential check is exact too); no pair can spell another's key. */
const userKey = (client: string, user: string) => JSON.stringify([client, user]);

/** The one throttle of this process (it counts per process, like the limit it replaces). */
export const loginThrottle = new LoginThrottle();
