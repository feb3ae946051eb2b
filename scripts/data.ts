// `npm run data`: validate geodata/ and write the derived data the app serves (derived/).
// Output is deterministic; it is written to a temporary folder and swapped in only when
// everything is valid, so a broken input leaves the last good derived data in place.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DERIVED_FILES, areasFile, type Derived, type Manifest } from '../src/lib/data/derived';
import { buildDerived, PIPELINE_VERSION } from '../src/lib/data/pipeline';
import { DataError, formatProblem } from '../src/lib/data/problems';
import { translator } from '../src/lib/i18n';
import { cityinit } from '../src/lib/i18n/cityinit';
import { missingSetup } from './setup-status';

const root = resolve(import.meta.dirname, '..');
const geodataDir = resolve(process.env.KONTORATLAS_GEODATA ?? join(root, 'geodata'));
const outDir = resolve(process.env.KONTORATLAS_DATA_DIR ?? join(root, 'derived'));
const force = process.argv.includes('--force');

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
		.filter((f) => /\.(csv|json|geojson)$/.test(f))
		.sort();
}

/** The code that shapes the output counts as input too: a changed derivation rebuilds. */
function codeFiles(): string[] {
	return ['src/lib/data', 'src/lib/facilities', 'src/lib/geo', 'src/lib/import', 'src/lib/stats'].flatMap((d) => listTs(join(root, d))).sort();
}
function listTs(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
		.map((e) => join(e.parentPath, e.name));
}

const files = new Map(listFiles(geodataDir).map((f) => [f, readFileSync(join(geodataDir, f), 'utf8')]));
const hash = createHash('sha256').update(`pipeline ${PIPELINE_VERSION}\n`);
for (const [name, text] of files) hash.update(`${name}\n${text}\n`);
for (const f of codeFiles()) hash.update(`${relative(root, f)}\n${readFileSync(f, 'utf8')}\n`);
const inputsHash = hash.digest('hex');

const manifestPath = join(outDir, DERIVED_FILES.manifest);
if (!force && existsSync(manifestPath)) {
	try {
		const previous = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
		if (previous.inputsHash === inputsHash) {
			console.log(`data: derived/ is up to date (${files.size} source files unchanged)`);
			process.exit(0);
		}
	} catch {
		// an unreadable manifest just means: rebuild
	}
}

// A folder fresh from `npm run city:init`: say what is still to be entered, not what fails to validate.
const missing = missingSetup(files);
if (missing.length) {
	const t = translator('de', cityinit);
	const inside = relative(root, geodataDir);
	const dir = inside && !inside.startsWith('..') ? inside : geodataDir;
	console.error(`data: ${t('setup.incomplete', { dir })}`);
	for (const m of missing) console.error(`  - ${m}`);
	console.error(`data: ${t('setup.readme', { dir })}`);
	process.exit(1);
}

const started = performance.now();
let derived: Derived;
try {
	derived = buildDerived(files);
} catch (e) {
	if (e instanceof DataError) {
		console.error(`data: ${e.problems.length} problem(s) in ${relative(root, geodataDir)}/ — nothing was written, the previous derived data stays in place:`);
		for (const p of e.problems) console.error(`  - ${formatProblem(p)}`);
		process.exit(1);
	}
	throw e;
}

const outputs: Record<string, unknown> = {
	// One file per level of the profile.
	...Object.fromEntries(derived.profile.levels.map((l) => [areasFile(l.id), derived.areas[l.id]])),
	[DERIVED_FILES.context]: derived.context,
	[DERIVED_FILES.kontore]: derived.kontore,
	[DERIVED_FILES.facilities]: derived.facilities,
	[DERIVED_FILES.facilityTypes]: derived.facilityTypes,
	[DERIVED_FILES.indicators]: derived.indicators,
	[DERIVED_FILES.values]: derived.values,
	[DERIVED_FILES.datasets]: derived.datasets,
	[DERIVED_FILES.report]: derived.report,
	[DERIVED_FILES.taetigkeit]: derived.taetigkeit,
	[DERIVED_FILES.profile]: derived.profile
};
const tmp = `${outDir}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const manifest: Manifest = { inputsHash, pipelineVersion: PIPELINE_VERSION, files: {} };
for (const [name, data] of Object.entries(outputs)) {
	const body = JSON.stringify(data) + '\n';
	writeFileSync(join(tmp, name), body);
	manifest.files[name] = { bytes: Buffer.byteLength(body), sha256: createHash('sha256').update(body).digest('hex') };
}
writeFileSync(join(tmp, DERIVED_FILES.manifest), JSON.stringify(manifest, null, '\t') + '\n');
const old = `${outDir}.old-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(tmp, outDir);
rmSync(old, { recursive: true, force: true });

const r = derived.report;
console.log(
	`data: wrote ${relative(root, outDir)}/ in ${Math.round(performance.now() - started)} ms — ` +
		`${derived.profile.levels.map((l) => `${derived.areas[l.id].features.length} ${l.name.de.plural}`).join(', ')}, ${derived.kontore.features.length} Kontore, ` +
		`${derived.facilities.features.length} facilities of ${derived.facilityTypes.length} types, ` +
		`${derived.indicators.length} indicators, ${derived.values.length} values`
);
console.log(
	`data: cell area vs official: max ${r.errorPct.max} %, median ${r.errorPct.median} %; fit vs scaled target: max ${r.fitErrorPct.max} % ` +
		`(${r.fitIterations} iterations, scale ${r.targetScale}); tiling gap ${r.tiling.gapKm2} km², overlap ${r.tiling.overlapKm2} km²; ` +
		`vertices ${r.vertices.before} → ${r.vertices.after} at ${r.vertices.toleranceM} m`
);
for (const w of r.warnings) console.log(`data: warning: ${w}`);
