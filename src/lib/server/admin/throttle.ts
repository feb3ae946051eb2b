// Login throttling that cannot be turned against another user: failures count per client address
// AND user name, so wrong passwords for one name (or from one address) never lock out another.
// A looser limit per address alone stops one client from cycling through names. The failures live
// in the store (table login_failures, both backends), so every app process on it counts the same attempts; each
// failure is its own row (an insert never loses a concurrent one), and rows past the window, past a
// key's limit or past the cap on all rows are deleted, so a flood of addresses or names costs bounded space.
import type { StoreBackend } from '../db/backend';
import { getBackend } from '../db/current';

export interface ThrottleLimits {
	/** Failures per client address and user name within the window, then refused. */
	perUser: number;
	/** Failures per client address within the window, whatever the names. */
	perClient: number;
	windowMs: number;
	/** Failures kept at most in the store; the oldest go first. */
	maxEntries: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perUser: 5, perClient: 50, windowMs: 15 * 60 * 1000, maxEntries: 100_000 };

/** Where the failures are kept: the store every process shares. */
export type FailureLog = Pick<StoreBackend, 'recentFailures' | 'addFailures' | 'forgetFailures' | 'countFailures'>;

export class LoginThrottle {
	constructor(
		readonly log: FailureLog,
		readonly limits: ThrottleLimits = DEFAULT_THROTTLE
	) {}

	/** Seconds until this client may try this user name again, or 0. */
	async blockedFor(client: string, user: string, now = Date.now()): Promise<number> {
		const [byUser, byClient] = await this.log.recentFailures([userKey(client, user), clientKey(client)], now - this.limits.windowMs + 1);
		return Math.max(this.#wait(byUser, this.limits.perUser, now), this.#wait(byClient, this.limits.perClient, now));
	}

	/** Counts a failed attempt. */
	async fail(client: string, user: string, now = Date.now()): Promise<void> {
		const entries = [
			{ key: userKey(client, user), keep: this.limits.perUser },
			{ key: clientKey(client), keep: this.limits.perClient }
		];
		await this.log.addFailures(entries, now, { since: now - this.limits.windowMs + 1, max: this.limits.maxEntries });
	}

	/** A successful login forgets this client's failures for this name (not its other ones). */
	async succeed(client: string, user: string): Promise<void> {
		await this.log.forgetFailures(userKey(client, user));
	}

	#wait(recent: number[], limit: number, now: number): number {
		if (recent.length < limit) return 0;
		// The attempt that unblocks is the one after the oldest counted failure leaves the window.
		return Math.ceil((recent[recent.length - limit] + this.limits.windowMs - now) / 1000);
	}
}

/** Names are compared as typed (the credential check is exact too); no pair can spell another's key, nor a client's. */
const userKey = (client: string, user: string) => JSON.stringify([client, user]);
const clientKey = (client: string) => JSON.stringify(client);

/** The throttle of the store this process serves (shared with every other process on it). */
export async function loginThrottle(): Promise<LoginThrottle> {
	return new LoginThrottle(await getBackend());
}
