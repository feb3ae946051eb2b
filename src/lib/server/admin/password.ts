// Admin password hashes: scrypt from node:crypto, stored as "scrypt$N$r$p$salt$hash" (base64url),
// so the configuration never holds the password itself. No SvelteKit imports: the admin:hash
// script uses it too.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
	const salt = randomBytes(16);
	const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P });
	return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export function isPasswordHash(stored: string): boolean {
	return /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/.test(stored);
}

export function verifyPassword(password: string, stored: string): boolean {
	if (!isPasswordHash(stored)) return false;
	const [, n, r, p, salt, key] = stored.split('$');
	const expected = Buffer.from(key, 'base64url');
	const cost = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
	// Bounded work: a hostile configuration must not make each login take minutes.
	if (cost.N > 2 ** 20 || cost.r > 32 || cost.p > 16 || expected.length < 16) return false;
	const actual = scryptSync(password.normalize('NFC').slice(0, 1024), Buffer.from(salt, 'base64url'), expected.length, cost);
	return timingSafeEqual(actual, expected);
}
