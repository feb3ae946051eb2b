// The pipeline on the second city (tests/fixtures/city2): two levels named in no code, areas from
// the conventional tables, generated cells inside a generated outline, parents by id, Kontore by a
// `gebiet` column, and nothing of Salzgitter's layout needed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { area } from '@turf/area';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaFeature, Derived } from './derived';
import { buildDerived, geometryFiles } from './pipeline';
import { DataError, formatProblem } from './problems';

const GEODATA = join(import.meta.dirname, '../../../tests/fixtures/city2/geodata');
const fixture = () =>
	new Map(
		readdirSync(GEODATA, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => join(e.parentPath, e.name))
			.map((p) => [relative(GEODATA, p).split('\\').join('/'), readFileSync(p, 'utf8')])
	);
const areasOf = (d: Derived, level: string): AreaFeature[] => d.areas[level].features;

describe('buildDerived on the fixture city', () => {
	let d: Derived;
	// One full run takes seconds; on a machine shared by many test runs, several times that.
	beforeAll(() => {
		d = buildDerived(fixture());
	}, 60_000);

	it('derives twelve Statistische Bezirke in four Bezirke, each Bezirk the union of its three', () => {
		expect(Object.keys(d.areas)).toEqual(['statbezirk', 'bezirk']);
		const fine = areasOf(d, 'statbezirk');
		const coarse = areasOf(d, 'bezirk');
		expect(fine).toHaveLength(12);
		expect(coarse.map((f) => f.properties.id)).toEqual(['nordstadt', 'weststadt', 'suedstadt', 'oststadt']);
		for (const b of coarse) {
			const parts = fine.filter((f) => f.properties.parent === b.properties.id);
			expect(parts).toHaveLength(3);
			expect(b.properties.parent).toBeNull();
			expect(Math.abs(area(b) - parts.reduce((s, p) => s + area(p), 0)) / area(b)).toBeLessThan(0.001);
			expect(b.properties.geometryNote).toBe('Vereinigung der genäherten Flächen der Ebene „Statistische Bezirke“.');
		}
		for (const f of fine) expect(f.properties.geometryQuality).toBe('approximated');
	});

	it('fits the generated cells to their areas and tiles the generated outline', () => {
		expect(d.report.errorPct.max).toBeLessThan(1);
		expect(d.report.tiling.gapKm2).toBeLessThan(0.01);
		expect(d.report.tiling.overlapKm2).toBeLessThan(0.001);
		const city = d.context.features.find((f) => f.properties.kind === 'stadtgrenze')!;
		expect(city.properties.name).toBe('Musterstadt (generierter Umriss)');
	});

	it('aggregates to the Bezirke from their parts, and has no city total where the profile has no city level', () => {
		const einwohner = (id: string) => d.values.find((v) => v.area === id && v.indicator === 'einwohner' && v.year === 2024)?.value;
		expect(einwohner('nordstadt')).toBe(einwohner('am-wasserturm')! + einwohner('lindenhof')! + einwohner('birkenweg')!);
		expect(new Set(d.values.map((v) => v.area)).size).toBe(16);
		expect(d.indicators.every((m) => m.beispieldaten)).toBe(true);
	});

	it('places the Quartiersbüros by their gebiet column', () => {
		expect(d.kontore.features.map((f) => [f.properties.id, f.properties.area])).toEqual([
			['lindenhof', 'lindenhof'],
			['am-bahnhof', 'am-bahnhof'],
			['talblick', 'talblick']
		]);
		expect(d.kontore.features[1].properties.placement).toBe('Mittelpunkt von Am Bahnhof laut Quelle (ungefähre Lage)');
	});

	it('names the geometry files by convention where the profile names none', () => {
		expect(geometryFiles(fixture())).toEqual({
			outline: 'umriss.geojson',
			boundaries: 'grenzen.geojson',
			seeds: { file: 'mittelpunkte.csv', id: 'id' },
			context: 'context_kreise.geojson'
		});
	});
});

describe('buildDerived rejects a broken fixture naming the level', () => {
	const problems = (change: (files: Map<string, string>) => void) => {
		const files = fixture();
		change(files);
		try {
			buildDerived(files);
		} catch (e) {
			if (e instanceof DataError) return e.problems.map((p) => formatProblem(p));
			throw e;
		}
		throw new Error('expected the pipeline to reject the input');
	};

	it('an unknown parent, an area without parts and a level table that is missing', () => {
		expect(
			problems((f) => f.set('gebiete_statbezirk.csv', f.get('gebiete_statbezirk.csv')!.replace('lindenhof,Lindenhof,nordstadt', 'lindenhof,Lindenhof,mitte')))
		).toEqual([
			'gebiete_statbezirk.csv, Zeile 2, Feld „parent“: unbekanntes übergeordnetes Gebiet der Ebene „Bezirk“; gebiete_bezirk.csv nennt nordstadt, weststadt, suedstadt, oststadt (Wert: "mitte")'
		]);
		expect(problems((f) => f.set('gebiete_bezirk.csv', f.get('gebiete_bezirk.csv')! + 'mitte,Mitte\n'))).toEqual([
			'gebiete_bezirk.csv, Zeile 5, Feld „id“: zu diesem Gebiet gehört kein Gebiet der Ebene „Statistische Bezirke“; ohne Teile hat es keine Fläche (Wert: "mitte")'
		]);
		expect(problems((f) => f.delete('gebiete_bezirk.csv'))).toContain('gebiete_bezirk.csv: die Datei fehlt');
	});

	it('a parent left empty where the parent level has several areas', () => {
		expect(
			problems((f) => f.set('gebiete_statbezirk.csv', f.get('gebiete_statbezirk.csv')!.replace('talblick,Talblick,weststadt', 'talblick,Talblick,')))
		).toEqual([
			'gebiete_statbezirk.csv, Zeile 6, Feld „parent“: das übergeordnete Gebiet der Ebene „Bezirk“ fehlt; gebiete_bezirk.csv nennt nordstadt, weststadt, suedstadt, oststadt (Wert: "")'
		]);
	});
});
