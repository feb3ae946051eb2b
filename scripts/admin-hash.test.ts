// `npm run admin:hash` as a real process: a password from a file or pipe with or without its last
// newline, typed at a terminal prompt, and empty or short input explained in both languages.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/lib/server/admin/password';

const SCRIPT = 'scripts/admin-hash.ts';
const run = (input: string) => spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { input, encoding: 'utf8', timeout: 30_000 });

describe('admin:hash', () => {
	for (const [label, input] of [
		['without a trailing newline', 'correct horse battery'],
		['with a trailing newline', 'correct horse battery\n'],
		['with a Windows line end', 'correct horse battery\r\n']
	]) {
		it(`hashes a password ${label}`, () => {
			const r = run(input);
			expect(r.stderr).toBe('');
			expect(r.status).toBe(0);
			const hash = r.stdout.trim();
			expect(verifyPassword('correct horse battery', hash)).toBe(true);
			expect(verifyPassword('correct horse battery\n', hash)).toBe(false);
		});
	}

	it('explains empty input in German and English and exits nonzero', () => {
		for (const input of ['', '\n']) {
			const r = run(input);
			expect(r.status).toBe(1);
			expect(r.stdout).toBe('');
			expect(r.stderr).toContain('kein Passwort erhalten');
			expect(r.stderr).toContain('no password received');
			expect(r.stderr).toContain('admin:hash <');
		}
	});

	it('refuses a short password and several lines, saying why', () => {
		const short = run('kurz');
		expect(short.status).toBe(1);
		expect(short.stderr).toContain('das Passwort hat 4 Zeichen; es braucht mindestens 12');
		expect(short.stderr).toContain('the password has 4 characters; it needs at least 12');
		const lines = run('correct horse battery\nsecond line\n');
		expect(lines.status).toBe(1);
		expect(lines.stderr).toContain('mehrere Zeilen');
	});

	// util-linux `script` gives the process a terminal, so the prompt path runs as for a person typing.
	it.skipIf(!existsSync('/usr/bin/script'))('prompts at a terminal and hashes the typed line', () => {
		const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} --import tsx ${SCRIPT}`, '/dev/null'], {
			input: 'correct horse battery\n',
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Passwort (mindestens 12 Zeichen): ');
		const hash = /scrypt\$[^\s]+/.exec(r.stdout)?.[0] ?? '';
		expect(verifyPassword('correct horse battery', hash)).toBe(true);
	});
});
