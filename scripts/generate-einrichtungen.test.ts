// The shipped facility Beispieldaten are exactly what their generator writes from the shipped
// geodata/: a change of boundaries, Kontore or the model shows up here, not as silent drift. And the
// generator on another city's data folder (the fixture city Musterstadt): it asks for a types
// catalogue, then writes as many facilities as that city's residents call for, with a sidecar in that
// city's words, reproduces them on --check, and the pipeline accepts them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetMeta } from '../src/lib/data/contracts';
import { buildDerived } from '../src/lib/data/pipeline';
import { planCounts } from '../src/lib/facilities/beispieldaten';

const root = resolve(import.meta.dirname, '..');
let geodata: string;
const run = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-einrichtungen.ts', ...args], {
		cwd: root,
		env: { ...process.env, KONTORATLAS_GEODATA: geodata },
		encoding: 'utf8'
	});

beforeAll(() => {
	geodata = join(mkdtempSync(join(tmpdir(), 'kontoratlas-einrichtungen-')), 'geodata');
	cpSync(join(root, 'tests/fixtures/city2/geodata'), geodata, { recursive: true });
});
afterAll(() => rmSync(resolve(geodata, '..'), { recursive: true, force: true }));

describe('facility Beispieldaten', () => {
	it('are reproduced by scripts/generate-einrichtungen.ts', () => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-einrichtungen.ts', '--check'], { encoding: 'utf8', timeout: 120_000 });
		expect(r.stderr + r.stdout).toMatch(/are what the generator writes/);
		expect(r.status).toBe(0);
	}, 120_000);
});

describe('scripts/generate-einrichtungen.ts on another city', () => {
	it('asks for a types catalogue, then writes facilities of that city’s size and words that the pipeline accepts', () => {
		const without = run();
		expect(without.status).toBe(1);
		expect(without.stderr).toContain('has no facility types catalogue (einrichtungstypen.json)');

		// The shipped catalogue, its target groups dropped: they name indicators this city does not have.
		const types = (JSON.parse(readFileSync(join(root, 'geodata/einrichtungstypen.json'), 'utf8')) as { targetGroup: unknown }[]).map((t) => ({
			...t,
			targetGroup: null
		}));
		writeFileSync(join(geodata, 'einrichtungstypen.json'), JSON.stringify(types));
		cpSync(join(root, 'geodata/einrichtungstypen.json.meta.json'), join(geodata, 'einrichtungstypen.json.meta.json'));
		const made = run();
		expect(made.status, made.stderr).toBe(0);
		expect(run('--check').status).toBe(0);

		const residents = Papa.parse<{ einwohner: string }>(readFileSync(join(geodata, 'gebiete_statbezirk.csv'), 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data.reduce((n, r) => n + Number(r.einwohner), 0);
		const fc = JSON.parse(readFileSync(join(geodata, 'einrichtungen.geojson'), 'utf8')) as { features: { properties: { types: string[] } }[] };
		const counts = planCounts(residents, 3);
		for (const [type, n] of Object.entries(counts)) expect(fc.features.filter((f) => f.properties.types.includes(type)).length, type).toBe(n);
		// About 64,000 residents: six tenths of the plan's Kitas per 107,000.
		expect(counts.kita).toBe(41);

		const meta = DatasetMeta.parse(JSON.parse(readFileSync(join(geodata, 'einrichtungen.geojson.meta.json'), 'utf8')));
		expect(meta.description.de).toContain('rund 64.000 Einwohnern plausibel, die Lage folgt den Einwohnern in den Statistischen Bezirken.');
		expect(meta.description.de).toContain('Die drei Quartiersbüros sind echt');
		expect(meta.source.map((s) => s.name).join('\n')).toMatch(
			/Residents per statistical district: gebiete_statbezirk\.csv[^\n]*\nCentre of each statistical district: mittelpunkte\.csv/
		);

		const files = new Map(
			readdirSync(geodata, { recursive: true, withFileTypes: true })
				.filter((e) => e.isFile())
				.map((e) => join(e.parentPath, e.name))
				.map((p) => [relative(geodata, p).split('\\').join('/'), readFileSync(p, 'utf8')])
		);
		expect(buildDerived(files).facilities.features).toHaveLength(fc.features.length);
	}, 120_000);
});
