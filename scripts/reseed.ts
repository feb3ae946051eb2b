// `npm run data:reseed`: the repository's geodata/ as a new version of the store (DATABASE_URL, else DATABASE_PATH)
// (kind `reseed`). Prints the diff against the current version first (values, geometry, files,
// Kontore) and writes only after confirmation: `--yes`, or "j"/"y" at the prompt of a terminal.
// Nothing is lost: the new version is added, every older one stays (rollback in /admin).
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseLocale, translator } from '../src/lib/i18n';
import { kontore } from '../src/lib/i18n/kontore';
import { openBackend } from '../src/lib/server/db/open';
import { readSourceDir } from '../src/lib/server/db/sourceDir';
import { kontorChanges, readKontore } from '../src/lib/server/kontorEdit';
import { formatProblem } from '../src/lib/data/problems';
import { computePreview } from '../src/lib/server/previewCompute';
import { commitReseed, reseedPlan } from '../src/lib/server/reseed';

const locale = parseLocale((process.env.LC_ALL || process.env.LANG || '').slice(0, 2));
const t = translator(locale, kontore);
const path = resolve(process.env.DATABASE_PATH || join('data', 'kontoratlas.db'));
const dir = resolve(process.env.KONTORATLAS_GEODATA || 'geodata');
const yes = process.argv.includes('--yes');

function ask(question: string): Promise<boolean> {
	if (!process.stdin.isTTY) return Promise.resolve(false);
	process.stderr.write(question);
	const rl = createInterface({ input: process.stdin, terminal: false });
	return new Promise((done) => {
		let answer = '';
		rl.once('line', (l) => {
			answer = l;
			rl.close();
		});
		rl.once('close', () => done(/^\s*[jy]/i.test(answer)));
	});
}

if (!process.env.DATABASE_URL && !existsSync(path)) {
	console.error(t('reseed.cli.noStore', { db: path }));
	process.exit(1);
}
const db = await openBackend({ url: process.env.DATABASE_URL, path, pool: '2' });
const store = db.location;
const base = await db.currentVersionId();
if (base === null) {
	console.error(t('reseed.cli.noStore', { db: store }));
	process.exit(1);
}
const current = await db.versionFiles(base);
const geodata = readSourceDir(dir);
const plan = reseedPlan(current, geodata);
console.log(t('reseed.cli.base', { db: store, n: base, dir }));
if (!plan.changed.length && !plan.added.length && !plan.onlyInStore.length) {
	console.log(t('reseed.same', { n: base }));
	process.exit(0);
}
console.log(t('reseed.files', { n: base, changed: plan.changed.length, added: plan.added.length, only: plan.onlyInStore.length }));
if (plan.changed.length + plan.added.length) console.log(t('reseed.changedList', { files: [...plan.changed, ...plan.added].join(', ') }));
if (plan.onlyInStore.length) console.log(t('reseed.onlyInStore', { files: plan.onlyInStore.join(', '), n: base }));

const user = `cli:${userInfo().username}`;
// The importer's own preview code (pipeline and diff), in this process.
const result = computePreview({
	kind: 'edit-files',
	name: 'geodata/',
	bytes: new Uint8Array(),
	edit: plan.edit,
	user,
	date: new Date().toISOString().slice(0, 10),
	base: { version: base, ...(await db.versionTexts(base)) }
});
if (!result.ok) {
	console.error(t('reseed.cli.problems'));
	for (const p of result.problems) console.error(`  ${formatProblem(p, locale)}`);
	process.exit(1);
}
const { diff } = result;
console.log(t('reseed.cli.counts', { ...diff.counts, geometry: diff.geometry.length }));
const changes = kontorChanges(readKontore(current), readKontore(result.files));
if (changes.length)
	console.log(t('reseed.cli.kontore', { list: changes.map((c) => `${c.name} (${c.kind}: ${c.fields.map((f) => f.field).join(', ')})`).join('; ') }));

if (!(yes || (await ask(t('reseed.cli.ask'))))) {
	console.log(t('reseed.cli.notWritten'));
	process.exit(0);
}
const version = await commitReseed(db, result, user);
await db.close();
if (version === null) {
	console.error(t('reseed.cli.moved'));
	process.exit(1);
}
console.log(t('reseed.cli.written', { n: version }));
