// The pipeline on the shipped geodata (derived figures checked against hand-computed sums)
// and on broken copies of it (each problem message checked).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { beforeAll, describe, expect, it } from 'vitest';
import { tilingReport } from '$lib/geo/tiling';
import { vertexCount } from '../../../tests/fixtures/geo/invariants';
import { shippedFiles } from '../../../tests/fixtures/shipped';
import type { Derived } from './derived';
import { createEntry, retireEntry } from './catalogue';
import { buildDerived, slug } from './pipeline';
import { DataError, formatProblem } from './problems';

const GEODATA = join(import.meta.dirname, '../../../geodata');

/** Runs the pipeline on the shipped data with one file changed, and returns the problems. */
function problemsWith(file: string, change: (text: string) => string): string[] {
	const files = shippedFiles();
	files.set(file, change(files.get(file)!));
	try {
		buildDerived(files);
	} catch (e) {
		if (e instanceof DataError) return e.problems.map((p) => formatProblem(p));
		throw e;
	}
	throw new Error('expected the pipeline to reject the input');
}

const value = (d: Derived, area: string, indicator: string, year: number) =>
	d.values.find((v) => v.area === area && v.indicator === indicator && v.year === year);

describe('buildDerived on the shipped Salzgitter data', () => {
	let d: Derived;
	// One full run takes seconds; on a machine shared by many test runs, several times that.
	beforeAll(() => {
		d = buildDerived(shippedFiles());
	}, 60_000);

	it('derives 31 Stadtteile in 7 Ortschaften, the city and six Kontore', () => {
		expect(d.areas.stadtteil.features).toHaveLength(31);
		expect(d.areas.ortschaft.features.map((f) => f.properties.id).sort()).toEqual(['nord', 'nordost', 'nordwest', 'ost', 'sued', 'suedost', 'west']);
		expect(d.areas.stadt.features).toHaveLength(1);
		expect(d.kontore.features).toHaveLength(6);
		for (const f of d.areas.stadtteil.features) expect(f.properties.geometryQuality).toBe('approximated');
	});

	it('derives the 100 m grid level from the Beispieldaten cells: census ids, parents by centre, each Stadtteil summing exactly to its residents', () => {
		const cells = d.areas['gitter-100m'].features;
		expect(cells.length).toBeGreaterThan(1000);
		for (const f of cells.slice(0, 50)) {
			expect(f.properties.name).toMatch(/^CRS3035RES100mN\d+E\d+$/);
			expect(f.properties.id).toBe(f.properties.name.toLowerCase());
			expect(f.properties.level).toBe('gitter-100m');
		}
		const stadtteile = new Set(d.areas.stadtteil.features.map((f) => f.properties.id));
		expect(cells.every((f) => stadtteile.has(f.properties.parent!))).toBe(true);
		const byId = new Map(d.values.filter((v) => v.indicator === 'einwohner-gitter').map((v) => [v.area, v]));
		for (const s of d.areas.stadtteil.features) {
			const own = cells.filter((c) => c.properties.parent === s.properties.id).reduce((sum, c) => sum + byId.get(c.properties.id)!.value!, 0);
			const official = d.values
				.filter((v) => v.area === s.properties.id && v.indicator === 'einwohner' && v.origin === 'source')
				.sort((a, b) => b.year - a.year)[0];
			expect(own, s.properties.id).toBe(official.value);
			expect(byId.get(s.properties.id)!.value, s.properties.id).toBe(official.value);
		}
		expect(byId.get('salzgitter')!.value).toBe(cells.reduce((sum, c) => sum + byId.get(c.properties.id)!.value!, 0));
		expect(d.indicators.find((m) => m.id === 'einwohner-gitter')!.beispieldaten).toBe(true);
	});

	it('tiles the city: the cells add up to the outline within 0.1 % and do not overlap', () => {
		const outline = JSON.parse(shippedFiles().get('salzgitter_outline.geojson')!).features[0];
		const report = tilingReport(d.areas.stadtteil, outline);
		expect(Math.abs(report.sumKm2 - report.outlineKm2) / report.outlineKm2).toBeLessThan(0.001);
		expect(report.overlapKm2).toBeLessThan(0.001);
		expect(report.gapKm2).toBeLessThan(0.01);
		// The Ortschaften are the union of their Stadtteile.
		const ortschaftenKm2 = d.areas.ortschaft.features.reduce((s, f) => s + area(f) / 1e6, 0);
		expect(Math.abs(ortschaftenKm2 - report.sumKm2) / report.sumKm2).toBeLessThan(0.001);
	});

	it('keeps every Stadtteil around its own centre: no centre lies outside the VG250 boundary', () => {
		// Immendorf's lay 470 m outside the generalised outline used before; that note is gone.
		const immendorf = d.areas.stadtteil.features.find((f) => f.properties.id === 'immendorf')!;
		expect(immendorf.properties.geometryNote).toBeNull();
		expect(d.report.cells.filter((c) => c.seedMoved)).toEqual([]);
	});

	it('simplifies the neighbouring districts with the cells: their borders with the city stay shared', () => {
		const city = d.context.features.find((f) => f.properties.kind === 'stadtgrenze')!;
		const neighbours = d.context.features.filter((f) => f.properties.kind === 'nachbarkreis');
		expect(neighbours.map((f) => f.properties.name)).toEqual(['Braunschweig', 'Goslar', 'Peine', 'Wolfenbüttel', 'Hildesheim']);
		expect(city.geometry).toEqual(d.areas.stadt.features[0].geometry);
		// Overlap with the city is float round-off only (square metres on 224 km²).
		const overlapM2 = neighbours.reduce((s, n) => s + area(intersect(featureCollection([n, city])) ?? featureCollection([])), 0);
		expect(overlapM2).toBeLessThan(1000);
		// Every vertex of the city boundary is one of the neighbours' too, except where a Stadtteil
		// border meets the boundary.
		const key = (p: number[]) => `${p[0]},${p[1]}`;
		const theirs = new Set(neighbours.flatMap((n) => (n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates).flat(2).map(key)));
		const ring = (city.geometry.type === 'Polygon' ? city.geometry.coordinates : city.geometry.coordinates[0])[0];
		expect(ring.filter((p) => !theirs.has(key(p))).length).toBeLessThanOrEqual(d.areas.stadtteil.features.length);
		// Borders of the neighbours alone are simplified at CONTEXT_TOLERANCE_M: fewer vertices than VG250 has.
		const source = JSON.parse(shippedFiles().get('context_kreise.geojson')!);
		expect(vertexCount(featureCollection(neighbours))).toBeLessThan(vertexCount(source) / 2);
	});

	it('fits the cell areas to the official areas', () => {
		for (const c of d.report.cells) expect(Math.abs(c.errorPct!), c.id).toBeLessThan(3);
		expect(d.report.errorPct.median).toBeLessThan(1.5);
	});

	it('aggregates population by summing Stadtteile of the same reference year (hand-computed)', () => {
		// Süd, 31.12.2020: Gitter 789 + Groß Mahner 531 + Hohenrode 186 + Ringelheim 2028 + Salzgitter-Bad 21286
		expect(value(d, 'sued', 'einwohner', 2020)).toMatchObject({ value: 24820, origin: 'aggregate', stand: '2020-12-31' });
		// Nordwest area, 31.12.2023: 12.497 + 8.833 + 7.546 + 4.472 km²
		expect(value(d, 'nordwest', 'flaeche', 2023)!.value).toBeCloseTo(33.348, 6);
		// West has Heerte only for 2021: no (incomplete) 2023 total.
		expect(value(d, 'west', 'einwohner', 2023)).toBeUndefined();
		// A published Ortschaft figure is kept: Ost 2023 = 605 + 401 + 1837 + 394 + 282 = 3519, as published.
		expect(value(d, 'ost', 'einwohner', 2023)).toMatchObject({ value: 3519, origin: 'source' });
		// Südost, 31.12.2023 from the five infoboxes: Barum 681 + Beinum 487 + Flachstöckheim 1030 + Lobmachtersen 799 + Ohlendorf 509.
		expect(value(d, 'suedost', 'einwohner', 2023)).toMatchObject({ value: 3506, origin: 'aggregate', stand: '2023-12-31' });
		// The superseded figures stay in the series: Barum 716 on 31.12.2021 (einwohner_zeitreihe.csv), with its area.
		expect(value(d, 'barum', 'einwohner', 2021)).toMatchObject({ value: 716, origin: 'source', stand: '2021-12-31' });
		expect(value(d, 'barum', 'einwohner', 2023)).toMatchObject({ value: 681, stand: '2023-12-31' });
		expect(value(d, 'barum', 'flaeche', 2021)!.value).toBe(6.7);
		// Südost 2021 is published (3545) and equals 716 + 499 + 1010 + 818 + 502: no disagreement reported.
		expect(value(d, 'suedost', 'einwohner', 2021)).toMatchObject({ value: 3545, origin: 'source' });
		expect(d.report.warnings.filter((w) => w.includes('suedost'))).toEqual([]);
	});

	it('computes densities from residents and area at every level, never by averaging', () => {
		// Süd 2020: 24820 residents / (2.98 + 6.32 + 1.28 + 7.22 + 19.23) km² = 670.27 per km²
		expect(value(d, 'sued', 'einwohnerdichte', 2020)!.value).toBeCloseTo(24820 / 37.03, 2);
		// City 2023: 105039 / 224.49
		expect(value(d, 'salzgitter', 'einwohnerdichte', 2023)!.value).toBeCloseTo(105039 / 224.49, 2);
	});

	it('lists the years each indicator has and keeps example data flagged', () => {
		const byId = new Map(d.indicators.map((m) => [m.id, m]));
		expect(byId.get('einwohner')!.years).toEqual(expect.arrayContaining([1985, 2003, 2020, 2021, 2023]));
		expect(byId.get('sgb2-quote')).toMatchObject({ beispieldaten: true, years: [2019, 2020, 2021, 2022, 2023] });
		expect(byId.get('einwohner')!.beispieldaten).toBe(false);
		const example = d.datasets.find((x) => x.id === 'sozialindikatoren-beispiel')!;
		expect(example.beispieldaten).toBe(true);
	});

	it('places every Kontor inside its Stadtteil cell and marks the location as approximate', async () => {
		const { booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
		for (const k of d.kontore.features) {
			const cell = d.areas.stadtteil.features.find((f) => f.properties.id === k.properties.area)!;
			expect(booleanPointInPolygon(k.geometry.coordinates, cell), k.properties.id).toBe(true);
			expect(k.properties.placement).toContain('ungefähre Lage');
		}
	});

	it('reads a kontore.csv written before the Kontor details existed (an older version in the store)', { timeout: 30_000 }, () => {
		const files = shippedFiles();
		const rows = files
			.get('kontore.csv')!
			.split('\n')
			.map((l) => l.replace(/,,,,,,$/, '').replace(',opened,closed,opening_hours,phone,email,offers', ''));
		files.set('kontore.csv', rows.join('\n'));
		const old = buildDerived(files);
		expect(old.kontore).toEqual(d.kontore);
		expect(old.kontore.features[0].properties).toMatchObject({ openingHours: null, phone: null, email: null, offers: [], opened: null });
	});

	it('is deterministic', { timeout: 60_000 }, () => {
		expect(JSON.stringify(buildDerived(shippedFiles()))).toBe(JSON.stringify(d));
	});
});

describe('buildDerived rejects broken input with file, row, field and reason', () => {
	it('a non-numeric population', () => {
		const problems = problemsWith('stadtteile.csv', (t) => t.replace('lebenstedt,Lebenstedt,Nord,45945', 'lebenstedt,Lebenstedt,Nord,viele'));
		expect(problems).toEqual([expect.stringMatching(/^stadtteile\.csv, Zeile 3, Feld „einwohner“: erwartet ist eine Zahl \(Wert: "viele"\)$/)]);
	});

	it('an unknown Ortschaft', () => {
		const problems = problemsWith('stadtteile.csv', (t) => t.replace('salder,Salder,Nord', 'salder,Salder,Nordnord'));
		expect(problems).toEqual([
			'stadtteile.csv, Zeile 4, Feld „ortschaft“: unbekanntes übergeordnetes Gebiet der Ebene „Ortschaft“; gebiete.json nennt Nord, Nordost, Nordwest, Ost, Süd, Südost, West (Wert: "Nordnord")'
		]);
	});

	it('markup in a name', () => {
		const problems = problemsWith('stadtteile.csv', (t) => t.replace(',Salder,', ',<img src=x onerror=alert(1)>,'));
		expect(problems[0]).toMatch(/^stadtteile\.csv, Zeile 4, Feld „stadtteil“: darf kein < oder > enthalten/);
	});

	it('a missing column', () => {
		const problems = problemsWith('kontore.csv', (t) => t.replace('location_precision', 'precision'));
		expect(problems[0]).toMatch(/^kontore\.csv, Zeile 0, Feld „location_precision“: fehlende Spalte\(n\); die Kopfzeile lautet: kontor_id,/);
	});

	it('a Kontor marked exact without coordinates, and one closed before it opened', () => {
		const problems = problemsWith('kontore.csv', (t) =>
			t.replace('Gebhardshagen,yes,stadtteil,', 'Gebhardshagen,yes,address,').replace(/(Salzgitter-Bad,.*,,,),,(,,,,)$/m, '$1,2020-01-01,2019-12-31$2')
		);
		expect(problems).toEqual([
			'kontore.csv, Zeile 5, Feld „location_precision“: eine genaue Lage (address) braucht Koordinaten: lat und lon angeben oder eine gröbere Genauigkeit wählen (Wert: "address")',
			'kontore.csv, Zeile 6, Feld „closed“: das Schließungsdatum liegt vor der Eröffnung (2020-01-01) (Wert: "2019-12-31")'
		]);
	});

	it('a Stadtteil without centre coordinate', () => {
		const problems = problemsWith('stadtteile_koordinaten.csv', (t) =>
			t
				.split('\n')
				.filter((l) => !l.startsWith('reppner,'))
				.join('\n')
		);
		expect(problems).toEqual([
			'stadtteile_koordinaten.csv, Feld „stadtteil_id“: das Gebiet hat keine Mittelpunktkoordinate; die genäherte Geometrie braucht eine für jedes Gebiet der Ebene „Stadtteil“ (Wert: "reppner")'
		]);
	});

	it('an outline whose ring is not closed', () => {
		const problems = problemsWith('salzgitter_outline.geojson', (t) => {
			const fc = JSON.parse(t);
			fc.features[0].geometry.coordinates[0].pop();
			return JSON.stringify(fc);
		});
		expect(problems.join('\n')).toMatch(/^salzgitter_outline\.geojson, Feature 0, Feld „geometry[^“]*“: Ring 0 ist nicht geschlossen/m);
	});

	it('a value for an unknown district id', () => {
		const problems = problemsWith('beispieldaten/sozialindikatoren.csv', (t) => t.replace(/\nbarum,alleinerziehende,2019,/, '\nnarnia,alleinerziehende,2019,'));
		expect(problems).toEqual([
			'beispieldaten/sozialindikatoren.csv, Zeile 1, Feld „area_id“: unbekannte Kennung eines Gebiets der Ebene „Stadtteil“ (Wert: "narnia")'
		]);
	});

	it('a value out of its plausible range, and one that contradicts its counts', () => {
		const lines = shippedFiles().get('beispieldaten/sozialindikatoren.csv')!.split('\n');
		const row = lines.findIndex((l) => l.startsWith('lebenstedt,sgb2-quote,2020,'));
		const [id, ind, year, , num, den] = lines[row].split(',');
		const tooHigh = problemsWith('beispieldaten/sozialindikatoren.csv', (t) => t.replace(lines[row], [id, ind, year, '250.0', num, den].join(',')));
		expect(tooHigh[0]).toMatch(new RegExp(`^beispieldaten/sozialindikatoren\\.csv, Zeile ${row}, Feld „value“: außerhalb des plausiblen Bereichs`));
		const wrong = problemsWith('beispieldaten/sozialindikatoren.csv', (t) => t.replace(lines[row], [id, ind, year, '1.0', num, den].join(',')));
		expect(wrong[0]).toMatch(new RegExp(`Zeile ${row}, Feld „value“: passt nicht zu Zähler/Nenner`));
	});

	it('disclosureControl on a rate, and a controlled count that is not a whole number', () => {
		const onRate = problemsWith('indikatoren.json', (t) =>
			JSON.stringify(JSON.parse(t).map((m: { id: string }) => (m.id === 'sgb2-quote' ? { ...m, disclosureControl: true } : m)))
		);
		expect(onRate).toEqual([
			'indikatoren.json, Feature sgb2-quote, Feld „disclosureControl“: nur für Summenindikatoren (Zahlen von Personen); Quoten unterliegen immer der Geheimhaltung (Wert: true)'
		]);
		const files = shippedFiles();
		const catalogue = JSON.parse(files.get('indikatoren.json')!);
		const sgb2 = catalogue.find((m: { id: string }) => m.id === 'sgb2-quote');
		catalogue.push({
			...sgb2,
			id: 'sgb2-anzahl',
			label: { de: 'SGB-II-Leistungsberechtigte', en: 'SGB II recipients' },
			aggregation: { method: 'sum' },
			disclosureControl: true,
			range: [0, 100000],
			decimals: 0
		});
		files.set('indikatoren.json', JSON.stringify(catalogue));
		const table = 'beispieldaten/sozialindikatoren.csv';
		files.set(table, files.get(table)! + 'barum,sgb2-anzahl,2024,2.5,,\ngitter,sgb2-anzahl,2024,3,,\n');
		expect(() => buildDerived(files)).toThrow(
			/sozialindikatoren\.csv, Zeile \d+, Feld „value“: sgb2-anzahl zählt Personen: eine ganze Zahl von mindestens 0 \(Wert: 2\.5\)$/
		);
	});

	it('a dataset without provenance sidecar', () => {
		const files = shippedFiles();
		files.delete('kontore.csv.meta.json');
		expect(() => buildDerived(files)).toThrow('kontore.csv: hat keine Herkunftsdatei kontore.csv.meta.json (Quelle, Lizenz, Stand)');
	});

	it('malformed JSON', () => {
		const problems = problemsWith('indikatoren.json', (t) => t.slice(0, 200));
		expect(problems[0]).toMatch(/^indikatoren\.json: kein gültiges JSON: /);
	});

	it('example data flagged as real', () => {
		const problems = problemsWith('indikatoren.json', (t) => {
			const list = JSON.parse(t);
			list.find((m: { id: string }) => m.id === 'sgb2-quote').beispieldaten = false;
			return JSON.stringify(list);
		});
		expect(problems).toContain(
			'indikatoren.json, Feature sgb2-quote, Feld „beispieldaten“: passt nicht zum Datensatz sozialindikatoren-beispiel (beispieldaten: true); Beispiel- und echte Daten dürfen nie vermischt werden (Wert: false)'
		);
	});
});

describe('slug', () => {
	it('makes ASCII ids from German names', () => {
		expect(slug('Süd')).toBe('sued');
		expect(slug('Groß Mahner')).toBe('gross-mahner');
		expect(slug('Braunschweig Städte')).toBe('braunschweig-staedte');
	});
});

describe('buildDerived on a catalogue edited in the admin', () => {
	it('builds a new entry without values and a retired one, whose values stay in the version', () => {
		const text = readFileSync(join(GEODATA, 'indikatoren.json'), 'utf8');
		const form = {
			id: 'pflegequote',
			labelDe: 'Pflegequote',
			labelEn: 'Care rate',
			unitDe: '%',
			unitEn: '%',
			kind: 'anteil',
			scale: '100',
			polarity: 'higher-worse',
			domain: 'soziales',
			decimals: '1',
			rangeMin: '0',
			rangeMax: '40',
			source: 'Stadt Salzgitter',
			licence: 'dl-de/by-2-0'
		};
		const created = createEntry(text, form);
		const retired = created.ok ? retireEntry(created.text, 'kinderarmut', '2026-12-05') : created;
		if (!retired.ok) throw new Error(JSON.stringify(retired.problems));
		const files = shippedFiles();
		files.set('indikatoren.json', retired.text);
		const d = buildDerived(files);
		expect(d.indicators.find((m) => m.id === 'pflegequote')).toMatchObject({ years: [], datasets: [] });
		expect(d.indicators.find((m) => m.id === 'kinderarmut')).toMatchObject({ retired: '2026-12-05', years: [2019, 2020, 2021, 2022, 2023] });
		expect(d.values.some((v) => v.indicator === 'kinderarmut')).toBe(true);
	}, 60_000);
});
