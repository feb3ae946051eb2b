// The shipped Beispieldaten register (geodata/einrichtungen.geojson, from the generator) against its
// own plan: counts per type scaled to the city's residents, labels, capacities, network partners, the
// apportionment rule; and the generator for other cities: counts and texts of their size and offices.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { DatasetMeta } from '$lib/data/contracts';
import {
	apportion,
	type BeispielCity,
	type BeispielStadtteil,
	FACILITY_SEED,
	facilitiesMeta,
	generateFacilities,
	PLAN,
	planCounts,
	planRationale,
	REFERENCE_RESIDENTS
} from './beispieldaten';
import { FacilitySourceProps, type FacilityType } from './contracts';

const fc = JSON.parse(readFileSync('geodata/einrichtungen.geojson', 'utf8')) as { features: { properties: unknown; geometry: { coordinates: number[] } }[] };
const facilities = fc.features.map((f) => FacilitySourceProps.parse(f.properties));
const kontore = readFileSync('geodata/kontore.csv', 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((l) => l.split(',')[0]);
const residents = Papa.parse<{ einwohner: string }>(readFileSync('geodata/stadtteile.csv', 'utf8'), { header: true, skipEmptyLines: true }).data.reduce(
	(n, r) => n + Number(r.einwohner),
	0
);
const types = JSON.parse(readFileSync('geodata/einrichtungstypen.json', 'utf8')) as FacilityType[];
const perType = (list: { types: string[] }[]) => Object.fromEntries(Object.keys(PLAN).map((t) => [t, list.filter((f) => f.types.includes(t)).length]));

/** The counts per type the shipped city had before they were scaled by residents (a city of 105,000 in the old plan). */
const SHIPPED_COUNTS = {
	kita: 68,
	grundschule: 24,
	'weiterfuehrende-schule': 14,
	jugendtreff: 12,
	familienzentrum: 10,
	seniorentreff: 14,
	beratungsstelle: 16,
	arztpraxis: 90,
	apotheke: 23,
	haltestelle: 120,
	sportstaette: 25,
	netzwerkpartner: 18
};

describe('planCounts', () => {
	it('keeps the shipped city’s counts: its residents against the reference round back to the plan', () => {
		expect(residents).toBeGreaterThan(100_000);
		expect(planCounts(residents, kontore.length)).toEqual(SHIPPED_COUNTS);
	});

	it('gives a city of about 52,000 residents about half the counts, and its offices three partners each (by hand)', () => {
		// 52,000 / 107,000 = 0.486: Kita 68 → 33.05, Arztpraxis 90 → 43.7, Haltestelle 120 → 58.3, Familienzentrum 10 → 4.86.
		expect(planCounts(52_000, 2)).toEqual({
			kita: 33,
			grundschule: 12,
			'weiterfuehrende-schule': 7,
			jugendtreff: 6,
			familienzentrum: 5,
			seniorentreff: 7,
			beratungsstelle: 8,
			arztpraxis: 44,
			apotheke: 11,
			haltestelle: 58,
			sportstaette: 12,
			netzwerkpartner: 6
		});
	});

	it('gives a small town at least one of each type, and a city without residents none', () => {
		const small = planCounts(800, 1);
		expect(Object.values(small).every((n) => n >= 1)).toBe(true);
		expect(small.haltestelle).toBe(1);
		expect(small.netzwerkpartner).toBe(3);
		expect(Object.entries(planCounts(0, 0)).filter(([, n]) => n !== 0)).toEqual([]);
	});

	it('has a reference the rationale’s German averages explain, and the rationale names every rate', () => {
		// One primary school per 4,500 residents, one practice per 1,200, one pharmacy per 4,600: within 5 % of the plan at the reference.
		for (const [type, perResident] of [
			['grundschule', 4500],
			['arztpraxis', 1200],
			['apotheke', 4600]
		] as const) {
			expect(Math.abs(REFERENCE_RESIDENTS / perResident / PLAN[type].perReference! - 1), type).toBeLessThan(0.05);
		}
		expect(planRationale).toContain(`rates per ${REFERENCE_RESIDENTS.toLocaleString('en-GB')} residents`);
		for (const t of types) {
			const rate = PLAN[t.id].perReference;
			if (rate !== null) expect(planRationale.toLowerCase(), t.id).toContain(`${t.label.de.toLowerCase()} ${rate}`);
		}
	});
});

/** A made-up city: two square Stadtteile of 6 km side, 26,000 residents each, and an office in each. */
function square(lon: number, lat: number): Polygon {
	const [dx, dy] = [0.0437, 0.027];
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lon - dx, lat - dy],
				[lon + dx, lat - dy],
				[lon + dx, lat + dy],
				[lon - dx, lat + dy],
				[lon - dx, lat - dy]
			]
		]
	};
}
const twin: BeispielStadtteil[] = [
	{ id: 'west', name: 'West', population: 26_000, centre: [9.95, 52], geometry: square(9.95, 52) },
	{ id: 'ost', name: 'Ost', population: 26_000, centre: [10.0374, 52], geometry: square(10.0374, 52) }
];
const twinKontore = [
	{ id: 'k-west', area: 'west', position: [9.95, 52] as [number, number] },
	{ id: 'k-ost', area: 'ost', position: [10.0374, 52] as [number, number] }
];
const city: BeispielCity = {
	name: 'Musterstadt',
	office: { de: { singular: 'Quartiersbüro', plural: 'Quartiersbüros' }, en: { singular: 'neighbourhood office', plural: 'neighbourhood offices' } },
	area: { de: { singular: 'Statistischer Bezirk', plural: 'Statistische Bezirke' }, en: { singular: 'statistical district', plural: 'statistical districts' } },
	inputs: [{ name: 'Residents per statistical district: gebiete_statbezirk.csv (Beispieldaten)' }]
};

describe('the generator for another city', () => {
	it('places as many facilities per type as the city’s residents call for, inside its Stadtteile', () => {
		const made = generateFacilities(twin, types, twinKontore);
		expect(perType(made.map((f) => f.props))).toEqual(planCounts(52_000, 2));
		expect(made.filter((f) => f.props.types.includes('kita')).length).toBeLessThan(SHIPPED_COUNTS.kita / 2 + 2);
		for (const k of twinKontore) expect(made.filter((f) => f.props.partnerOf.includes(k.id)).length, k.id).toBeGreaterThanOrEqual(3);
		expect(made.every((f) => f.position[0] > 9.9 && f.position[0] < 10.09 && Math.abs(f.position[1] - 52) < 0.028)).toBe(true);
	});

	it('writes the city’s size to the thousand, its two offices as a word and its areas by their level’s name', () => {
		const meta = DatasetMeta.parse(facilitiesMeta({ count: 217, residents: 52_345, offices: 2 }, city));
		expect(meta.description.de).toContain('für eine Stadt mit rund 52.000 Einwohnern plausibel');
		expect(meta.description.de).toContain('Die zwei Quartiersbüros sind echt und nicht Teil dieses Datensatzes.');
		expect(meta.description.en).toContain('plausible for a city of about 52,000 residents');
		expect(meta.description.en).toContain('The two neighbourhood offices are real and not part of this dataset.');
		expect(meta.caveats.join(' ')).toContain('52,345 residents in its statistical districts');
		expect(meta.description.de).toContain('die Lage folgt den Einwohnern in den Statistischen Bezirken.');
		expect(meta.source.map((s) => s.name)).toEqual([expect.stringContaining('seed'), city.inputs[0].name]);
		expect(JSON.stringify(meta)).not.toMatch(/105[.,]000|sechs|\bsix\b/);
	});

	it('says one office in the singular, more than twelve in digits, and nothing of offices without any', () => {
		const one = facilitiesMeta({ count: 30, residents: 9_600, offices: 1 }, city);
		expect(one.description.de).toMatch(/rund 10\.000 Einwohnern.* Das Quartiersbüro ist echt und nicht Teil dieses Datensatzes\.$/);
		expect(one.description.en).toMatch(/about 10,000 residents.* The neighbourhood office is real and not part of this dataset\.$/);
		expect(facilitiesMeta({ count: 900, residents: 240_000, offices: 13 }, city).description.de).toContain('Die 13 Quartiersbüros sind echt');
		const none = facilitiesMeta({ count: 400, residents: 99_000, offices: 0 }, city);
		expect(none.description.de).toMatch(/Einwohnern in den Statistischen Bezirken\.$/);
		expect(none.description.en).not.toContain('offices');
	});
});

describe('apportion', () => {
	it('gives each area its whole share and the remainders to the largest fractions (by hand)', () => {
		// 10 × 0.5 = 5, 10 × 0.3 = 3, 10 × 0.2 = 2: exact.
		expect(apportion(10, [50, 30, 20])).toEqual([5, 3, 2]);
		// 4 × (0.45, 0.35, 0.2) = 1.8, 1.4, 0.8 → floors 1, 1, 0; remainders .8, .4, .8 → the first and the third.
		expect(apportion(4, [45, 35, 20])).toEqual([2, 1, 1]);
	});
});

describe('the shipped Beispieldaten facilities', () => {
	it('follow the plan: counts per type for the city’s residents, every one flagged and named as Beispiel', () => {
		expect(perType(facilities)).toEqual(planCounts(residents, kontore.length));
		expect(facilities.length).toBe(Object.values(SHIPPED_COUNTS).reduce((n, c) => n + c, 0));
		expect(facilities.every((f) => f.beispieldaten && f.name.endsWith('(Beispiel)') && f.address === null && f.locationPrecision === 'area')).toBe(true);
		expect(new Set(facilities.map((f) => f.id)).size).toBe(facilities.length);
	});

	it('have capacities within their type’s bounds, and only where the type has them', () => {
		for (const f of facilities) {
			const c = PLAN[f.types[0]].capacity;
			if (!c) expect(f.capacity, f.id).toBeNull();
			else expect(f.capacity! >= c.min && f.capacity! <= c.max && f.capacity! % c.step === 0, f.id).toBe(true);
		}
		const kitaPlaces = facilities.filter((f) => f.types.includes('kita')).reduce((n, f) => n + f.capacity!, 0);
		// About 5,100 places for a city of 107,000 (the sidecar's rationale).
		expect(kitaPlaces).toBeGreaterThan(4500);
		expect(kitaPlaces).toBeLessThan(5800);
	});

	it('give every Kontor at least three network partners of its own', () => {
		for (const k of kontore) expect(facilities.filter((f) => f.partnerOf.includes(k)).length, k).toBeGreaterThanOrEqual(3);
	});

	it('carry a sidecar that says Beispieldaten, the seed and the rationale', () => {
		const meta = DatasetMeta.parse(JSON.parse(readFileSync('geodata/einrichtungen.geojson.meta.json', 'utf8')));
		expect(meta.beispieldaten).toBe(true);
		expect(meta.title.de).toMatch(/Beispieldaten/);
		expect(meta.description.de).toContain(String(FACILITY_SEED));
		expect(meta.caveats.join(' ')).toMatch(/Kita 68/);
		expect(meta.caveats.join(' ')).toContain(`${residents.toLocaleString('en-GB')} residents`);
		expect(meta.description.de).toContain(`rund ${(Math.round(residents / 1000) * 1000).toLocaleString('de-DE')} Einwohnern`);
		expect(meta.description.de).toContain('Die sechs ');
	});
});
