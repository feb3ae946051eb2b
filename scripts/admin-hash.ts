// `npm run admin:hash`: prints a scrypt hash for KONTORATLAS_ADMIN_PASSWORD_HASH. The password is
// read from stdin (so it stays out of the shell history): `npm run -s admin:hash < passwort.txt`,
// or typed after the prompt. A file or pipe is read to its end, so a last line without a newline
// counts; messages come in German and English, since the tool has no language setting.
import { createInterface } from 'node:readline';
import { translator } from '../src/lib/i18n';
import { kontore } from '../src/lib/i18n/kontore';
import { hashPassword } from '../src/lib/server/admin/password';

const MIN_LENGTH = 12;
const de = translator('de', kontore);
const en = translator('en', kontore);

/** One line from a terminal (Ctrl-D gives an empty one), or everything a file or pipe holds. */
async function readInput(): Promise<string> {
	if (process.stdin.isTTY) {
		process.stderr.write(de('hash.prompt', { min: MIN_LENGTH }));
		const rl = createInterface({ input: process.stdin, terminal: false });
		return new Promise((resolve) => {
			let line = '';
			rl.once('line', (l) => {
				line = l;
				rl.close();
			});
			rl.once('close', () => resolve(line));
		});
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function fail(key: Parameters<typeof de>[0], params: Record<string, number> = {}): never {
	console.error(de(key, params));
	console.error(en(key, params));
	process.exit(1);
}

const password = (await readInput()).replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
if (password.trim() === '') fail('hash.empty');
if (/[\r\n]/.test(password)) fail('hash.lines');
if ([...password].length < MIN_LENGTH) fail('hash.short', { n: [...password].length, min: MIN_LENGTH });
console.log(hashPassword(password));
