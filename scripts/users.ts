// `npm run users -- <command>`: the store's accounts from the command line (DATABASE_URL or DATABASE_PATH, like
// `npm run db:backup`). Passwords are read from stdin, never from the arguments (which the shell
// history and the process list keep): `npm run -s users -- add anna --role planung < passwort.txt`.
//   add NAME --role ROLE [--kontor ID]    list    set-role NAME ROLE [--kontor ID]
//   disable NAME    enable NAME    delete NAME    password NAME
// Messages come in German and English, since the tool has no language setting.
import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { translator } from '../src/lib/i18n';
import { accounts } from '../src/lib/i18n/accounts';
import { KontorCollection } from '../src/lib/data/derived';
import {
	createAccount,
	deleteAccount,
	listAccounts,
	MIN_PASSWORD,
	setDisabled,
	setPassword,
	setRole,
	type AccountProblem,
	type AccountResult
} from '../src/lib/server/admin/accounts';
import type { StoreBackend } from '../src/lib/server/db/backend';
import { openBackend } from '../src/lib/server/db/open';

const USAGE = `usage: npm run users -- add NAME --role ROLE [--kontor ID] | list | set-role NAME ROLE [--kontor ID] | disable NAME | enable NAME | delete NAME | password NAME
(passwords from stdin; roles: oeffentlich, kontor, planung, redaktion, admin)`;

const de = translator('de', accounts);
const en = translator('en', accounts);

function problem(p: AccountProblem, params: Record<string, string | number>): never {
	const all = { n: MIN_PASSWORD, name: '', role: '', kontor: '', ...params };
	console.error(`users: ${de(`accounts.problem.${p}`, all)}`);
	console.error(`users: ${en(`accounts.problem.${p}`, all)}`);
	process.exit(1);
}

function usage(): never {
	console.error(USAGE);
	process.exit(2);
}

/** Positional arguments and the value of each --option. */
function parse(args: string[]): { positional: string[]; options: Map<string, string> } {
	const positional: string[] = [];
	const options = new Map<string, string>();
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a.startsWith('--')) {
			const [key, inline] = a.slice(2).split('=', 2);
			// A password must never come as an argument.
			if (!['role', 'kontor'].includes(key)) usage();
			const value = inline ?? args[++i];
			if (value === undefined) usage();
			options.set(key, value);
		} else positional.push(a);
	}
	return { positional, options };
}

/** One line from a terminal, or everything a file or pipe holds (its last newline dropped). */
async function readPassword(): Promise<string> {
	if (process.stdin.isTTY) {
		process.stderr.write(`Passwort / password (≥ ${MIN_PASSWORD}): `);
		const rl = createInterface({ input: process.stdin, terminal: false });
		return new Promise((ok) => {
			let line = '';
			rl.once('line', (l) => {
				line = l;
				rl.close();
			});
			rl.once('close', () => ok(line));
		});
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.replace(/\r?\n$/, '');
}

/** A Kontor named on the command line must exist in the store's current data (when it has any). */
async function checkKontor(db: StoreBackend, kontor: string | undefined, role: string): Promise<void> {
	if (role !== 'kontor' || kontor === undefined) return;
	const current = await db.currentVersionId();
	if (current === null) return;
	const parsed = KontorCollection.safeParse(((await db.versionDerived(current)) as { kontore?: unknown }).kontore);
	if (parsed.success && !parsed.data.features.some((k) => k.properties.id === kontor)) problem('kontor', { kontor });
}

const who = `Kommandozeile (${userInfo().username})`;

async function done(db: StoreBackend, result: AccountResult, params: Record<string, string>, action: string, detail: (name: string) => string): Promise<void> {
	if (!result.ok) problem(result.problem, params);
	await db.audit({ who, action, detail: detail(result.account.name), added: null, changed: null, removed: null, version: null });
	console.log(`users: ${detail(result.account.name)}`);
}

const [command, ...rest] = process.argv.slice(2);
const { positional, options } = parse(rest);
const store = resolve(process.env.DATABASE_PATH || join('data', 'kontoratlas.db'));
const db = await openBackend({ url: process.env.DATABASE_URL, path: store, pool: '2' });
try {
	const [name] = positional;
	const role = options.get('role') ?? positional[1] ?? '';
	const kontor = options.get('kontor');
	const params = { name: name ?? '', role, kontor: kontor ?? '' };
	switch (command) {
		case 'list': {
			if (positional.length) usage();
			const rows = (await listAccounts(db)).map((a) => [
				a.name,
				a.role,
				a.kontor ?? '-',
				a.disabled ? 'gesperrt/disabled' : 'aktiv/active',
				[a.hasPassword ? 'password' : '', a.oidcSubject ? 'oidc' : ''].filter(Boolean).join('+') || '-',
				a.lastLogin ?? '-'
			]);
			const head = ['name', 'role', 'kontor', 'state', 'sign-in', 'last login'];
			const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
			for (const r of [head, ...rows])
				console.log(
					r
						.map((c, i) => c.padEnd(widths[i]))
						.join('  ')
						.trimEnd()
				);
			break;
		}
		case 'add': {
			if (positional.length !== 1 || !options.has('role')) usage();
			await checkKontor(db, kontor, role);
			const password = await readPassword();
			const made = await createAccount(db, { name, role, kontor: kontor ?? null, password });
			await done(db, made, params, 'account-create', (n) => `Konto ${n} angelegt (${role}${kontor && role === 'kontor' ? `, ${kontor}` : ''})`);
			break;
		}
		case 'set-role': {
			if (positional.length !== 2) usage();
			await checkKontor(db, kontor, role);
			await done(
				db,
				await setRole(db, name, role, kontor ?? null),
				params,
				'account-role',
				(n) => `Konto ${n}: Rolle ${role}${kontor && role === 'kontor' ? ` (${kontor})` : ''}`
			);
			break;
		}
		case 'disable':
		case 'enable': {
			if (positional.length !== 1) usage();
			const off = command === 'disable';
			await done(db, await setDisabled(db, name, off), params, `account-${command}`, (n) => `Konto ${n} ${off ? 'gesperrt' : 'entsperrt'}`);
			break;
		}
		case 'delete': {
			if (positional.length !== 1) usage();
			await done(db, await deleteAccount(db, name), params, 'account-delete', (n) => `Konto ${n} gelöscht`);
			break;
		}
		case 'password': {
			if (positional.length !== 1) usage();
			await done(db, await setPassword(db, name, await readPassword()), params, 'account-password', (n) => `Konto ${n}: neues Passwort`);
			break;
		}
		default:
			usage();
	}
} finally {
	await db.close();
}
