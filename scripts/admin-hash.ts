// `npm run admin:hash`: prints a scrypt hash for KONTORATLAS_ADMIN_PASSWORD_HASH. The password is
// read from stdin (so it stays out of the shell history): `npm run -s admin:hash < passwort.txt`,
// or typed after the prompt.
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../src/lib/server/admin/password';

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
if (process.stdin.isTTY) process.stderr.write('Passwort (mindestens 12 Zeichen): ');
const password = (await rl.question('')).replace(/\r?\n$/, '');
rl.close();
if (password.length < 12) {
	console.error('admin:hash: the password needs at least 12 characters');
	process.exit(1);
}
console.log(hashPassword(password));
