// Beispieldaten of the facility register: a deterministic, clearly labelled synthetic set of
// facilities for any city, as many per type as its residents call for, placed in the populated parts
// of its finest areas. Pure: scripts/generate-einrichtungen.ts reads the inputs and writes the files.
import { randomLcg, randomNormal } from 'd3-random';
import type { MultiPolygon, Polygon } from 'geojson';
import { dativePlural } from '$lib/data/profile';
import type { DatasetMeta } from '$lib/data/contracts';
import { formatNumber, type Locale } from '$lib/i18n';
import { countWord } from '$lib/i18n/words';
import { localPlane } from '$lib/geo/plane';
import { distanceM, inside } from './checks';
import type { FacilitySourceProps, FacilityType } from './contracts';

export const FACILITY_SEED = 20261205;
export const FACILITY_DATASET_ID = 'einrichtungen-beispiel';
export const FACILITY_SCRIPT = 'scripts/generate-einrichtungen.ts';
export const FACILITY_AS_OF = '2026-12-05';

/**
 * The city size the plan's counts stand for. They come from German averages per resident (one primary
 * school per about 4,500 residents, one practice per 1,200, one pharmacy per 4,600: see `planRationale`),
 * which at 107,000 residents give 23.8, 89.2 and 23.3, rounded in the plan to 24, 90 and 23. A city's
 * own counts scale linearly from here.
 */
export const REFERENCE_RESIDENTS = 107_000;

/** Network partners are associations around each office, however many residents the city has. */
export const PARTNERS_PER_OFFICE = 3;

/**
 * A type's facilities per REFERENCE_RESIDENTS residents, and their capacities (normal, rounded, clamped).
 * Why these counts: see `planRationale`, which the sidecar carries.
 */
export interface TypePlan {
	/** Facilities per REFERENCE_RESIDENTS residents; null: not scaled by residents (PARTNERS_PER_OFFICE per office). */
	perReference: number | null;
	capacity: { mean: number; sd: number; min: number; max: number; step: number } | null;
	capacityTarget: string | null;
	openingHours: string | null;
	/** Spread around the Stadtteil centre relative to its built-up radius (stops spread wider). */
	spread: number;
}

export const PLAN: Record<string, TypePlan> = {
	kita: {
		perReference: 68,
		capacity: { mean: 75, sd: 25, min: 20, max: 150, step: 5 },
		capacityTarget: 'Kinder 1–6 Jahre',
		openingHours: 'Mo–Fr 7:00–17:00',
		spread: 0.6
	},
	grundschule: {
		perReference: 24,
		capacity: { mean: 230, sd: 70, min: 80, max: 450, step: 10 },
		capacityTarget: 'Schülerinnen und Schüler Klasse 1–4',
		openingHours: 'Mo–Fr 8:00–16:00 (Ganztag)',
		spread: 0.5
	},
	'weiterfuehrende-schule': {
		perReference: 14,
		capacity: { mean: 750, sd: 220, min: 300, max: 1400, step: 10 },
		capacityTarget: 'Schülerinnen und Schüler Klasse 5–13',
		openingHours: 'Mo–Fr 7:45–15:30',
		spread: 0.5
	},
	jugendtreff: {
		perReference: 12,
		capacity: { mean: 40, sd: 12, min: 15, max: 80, step: 5 },
		capacityTarget: 'Jugendliche 10–21 Jahre',
		openingHours: 'Mo–Fr 14:00–20:00',
		spread: 0.5
	},
	familienzentrum: { perReference: 10, capacity: null, capacityTarget: null, openingHours: 'Mo–Fr 9:00–16:00', spread: 0.5 },
	seniorentreff: {
		perReference: 14,
		capacity: { mean: 45, sd: 15, min: 15, max: 100, step: 5 },
		capacityTarget: 'Seniorinnen und Senioren',
		openingHours: 'Di und Do 14:00–17:00',
		spread: 0.5
	},
	beratungsstelle: { perReference: 16, capacity: null, capacityTarget: null, openingHours: 'Mo–Do 9:00–15:00', spread: 0.4 },
	arztpraxis: { perReference: 90, capacity: null, capacityTarget: null, openingHours: 'Mo–Fr 8:00–12:00, Mo, Di, Do 15:00–18:00', spread: 0.5 },
	apotheke: { perReference: 23, capacity: null, capacityTarget: null, openingHours: 'Mo–Fr 8:00–18:30, Sa 8:00–13:00', spread: 0.5 },
	haltestelle: { perReference: 120, capacity: null, capacityTarget: null, openingHours: null, spread: 0.9 },
	sportstaette: { perReference: 25, capacity: null, capacityTarget: null, openingHours: null, spread: 0.8 },
	netzwerkpartner: { perReference: null, capacity: null, capacityTarget: null, openingHours: null, spread: 0.5 }
};

export const planRationale = [
	`Counts per type are rates per ${formatNumber('en', REFERENCE_RESIDENTS)} residents from German averages, not the city register, scaled to the city's residents and rounded (at least one of each type):`,
	'Kita 68 (about one per 1,500 residents; 68 × about 75 places ≈ 5,100 places, roughly the number of children aged 1–6 in a city of this size);',
	'Grundschule 24 and weiterführende Schule 14 (Lower Saxony has about one primary school per 4,500 residents);',
	'Arztpraxis 90 (about one practice of any discipline per 1,200 residents); Apotheke 23 (Germany: about one pharmacy per 4,600 residents);',
	'Jugendtreff 12, Familienzentrum 10, Seniorentreff 14, Beratungsstelle 16, Sportstätte 25 (planning values for municipal social infrastructure);',
	'Haltestelle 120 (a sample of the stops, not every stop of the network); Netzwerkpartner not by residents but three associations per office.'
].join(' ');

const PARTNER_NAMES = ['Nachbarschaftshilfe', 'Bürgerverein', 'Kirchengemeinde', 'Sportverein', 'Tafel', 'Kulturverein'];

/** Residents per km² of the built-up part of a Stadtteil: sets how far facilities spread around its centre. */
const BUILT_UP_DENSITY = 2500;

export interface BeispielStadtteil {
	id: string;
	name: string;
	population: number;
	/** The area's centre: the seed point the data give (village or quarter centre), else an inner point; [lon, lat]. */
	centre: [number, number];
	geometry: Polygon | MultiPolygon;
}

export interface BeispielKontor {
	id: string;
	area: string;
	position: [number, number];
}

export interface BeispielFacility {
	position: [number, number];
	props: FacilitySourceProps;
}

/**
 * Facilities per type for a city of `residents` residents with `offices` offices: the plan's rates
 * scaled and rounded, at least one of each type where anyone lives; network partners per office.
 */
export function planCounts(residents: number, offices: number): Record<string, number> {
	return Object.fromEntries(
		Object.entries(PLAN).map(([type, plan]) => [
			type,
			plan.perReference === null
				? PARTNERS_PER_OFFICE * offices
				: residents > 0
					? Math.max(1, Math.round((plan.perReference * residents) / REFERENCE_RESIDENTS))
					: 0
		])
	);
}

/** Largest-remainder apportionment of `count` to the Stadtteile by residents (ties by order, deterministic). */
export function apportion(count: number, populations: number[]): number[] {
	const total = populations.reduce((a, b) => a + b, 0);
	const exact = populations.map((p) => (count * p) / total);
	const out = exact.map(Math.floor);
	const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	const left = count - out.reduce((a, b) => a + b, 0);
	for (let k = 0; k < left; k++) out[order[k][1]]++;
	return out;
}

export function generateFacilities(
	stadtteile: BeispielStadtteil[],
	types: FacilityType[],
	kontore: BeispielKontor[],
	seed = FACILITY_SEED
): BeispielFacility[] {
	const normal = randomNormal.source(randomLcg(seed));
	const gauss = normal(0, 1);
	const out: BeispielFacility[] = [];
	const source = `Beispieldaten: synthetisch erzeugt (${FACILITY_SCRIPT}, Seed ${seed}), keine Einrichtung der Stadt`;
	const counts = planCounts(
		stadtteile.reduce((n, s) => n + s.population, 0),
		kontore.length
	);

	function place(st: BeispielStadtteil, spread: number, taken: [number, number][]): [number, number] {
		const plane = localPlane(st.centre[0], st.centre[1]);
		const radius = Math.max(300, Math.sqrt(st.population / BUILT_UP_DENSITY / Math.PI) * 1000);
		for (let attempt = 0; attempt < 200; attempt++) {
			const sd = radius * spread * (1 + attempt / 50);
			const p = plane.toLonLat([gauss() * sd, gauss() * sd]);
			const lonLat: [number, number] = [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
			if (inside(st.geometry, lonLat[0], lonLat[1]) && taken.every((t) => distanceM(t, lonLat) > 60)) return lonLat;
		}
		throw new Error(`no room for another facility in ${st.id}`);
	}

	for (const type of types) {
		const plan = PLAN[type.id];
		if (!plan || plan.perReference === null || !counts[type.id]) continue;
		const shares = apportion(
			counts[type.id],
			stadtteile.map((s) => s.population)
		);
		stadtteile.forEach((st, si) => {
			const taken: [number, number][] = [];
			for (let k = 1; k <= shares[si]; k++) {
				const position = place(st, plan.spread, taken);
				taken.push(position);
				const c = plan.capacity;
				const capacity = c ? Math.min(c.max, Math.max(c.min, Math.round((c.mean + gauss() * c.sd) / c.step) * c.step)) : null;
				out.push({
					position,
					props: {
						id: `${type.id}-${st.id}-${k}`,
						name: `${type.label.de} ${st.name}${shares[si] > 1 ? ` ${k}` : ''} (Beispiel)`,
						types: [type.id],
						address: null,
						locationPrecision: 'area',
						capacity,
						capacityTarget: capacity === null ? null : plan.capacityTarget,
						openingHours: plan.openingHours,
						partnerOf: [],
						source,
						asOf: FACILITY_AS_OF,
						beispieldaten: true
					}
				});
			}
		});
	}

	// Netzwerkpartner: three associations in each Kontor's Stadtteil, and the Kontor's nearest
	// Familienzentrum, Jugendtreff, Seniorentreff and Beratungsstelle.
	const byId = new Map(stadtteile.map((s) => [s.id, s]));
	kontore.forEach((kontor, ki) => {
		const st = byId.get(kontor.area)!;
		for (let k = 0; k < PARTNERS_PER_OFFICE; k++) {
			const name = PARTNER_NAMES[(ki + k * 2) % PARTNER_NAMES.length];
			out.push({
				position: place(st, PLAN.netzwerkpartner.spread, []),
				props: {
					id: `netzwerkpartner-${kontor.id}-${k + 1}`,
					name: `${name} ${st.name} ${ki + 1}.${k + 1} (Beispiel)`,
					types: ['netzwerkpartner'],
					address: null,
					locationPrecision: 'area',
					capacity: null,
					capacityTarget: null,
					openingHours: null,
					partnerOf: [kontor.id],
					source,
					asOf: FACILITY_AS_OF,
					beispieldaten: true
				}
			});
		}
		for (const type of ['familienzentrum', 'jugendtreff', 'seniorentreff', 'beratungsstelle']) {
			const nearest = out
				.filter((f) => f.props.types.includes(type))
				.reduce<BeispielFacility | null>((a, b) => (a && distanceM(a.position, kontor.position) <= distanceM(b.position, kontor.position) ? a : b), null);
			if (nearest && !nearest.props.partnerOf.includes(kontor.id)) nearest.props.partnerOf.push(kontor.id);
		}
	});
	return out;
}

/** What the generator was given and made: the sidecar's texts name them. */
export interface BeispielSummary {
	/** Facilities written. */
	count: number;
	/** Residents of all areas together (what the counts were scaled to). */
	residents: number;
	/** Offices (Kontore) given. */
	offices: number;
}

/** About how many residents, for running text: to the thousand ("rund 107.000", "about 107,000"), smaller towns exactly. */
const aboutResidents = (locale: Locale, residents: number) => formatNumber(locale, residents >= 1000 ? Math.round(residents / 1000) * 1000 : residents);

/** A name in the singular and plural, per language, as the profile gives the offices' and the levels'. */
type Names = Record<Locale, { singular: string; plural: string }>;

/** What the sidecar says of the city the facilities were made for: from its profile and data folder. */
export interface BeispielCity {
	name: string;
	/** What the offices are called. */
	office: Names;
	/** The finest level's name: the areas the facilities are placed in. */
	area: Names;
	/** Where residents, centres and offices come from, cited after the generator. */
	inputs: DatasetMeta['source'];
}

/** That the offices are real: "the six …", "the …" for one, nothing without offices. */
const OFFICES_REAL: Record<Locale, { one: (office: string) => string; many: (n: string, offices: string) => string }> = {
	de: {
		one: (office) => ` Das ${office} ist echt und nicht Teil dieses Datensatzes.`,
		many: (n, offices) => ` Die ${n} ${offices} sind echt und nicht Teil dieses Datensatzes.`
	},
	en: {
		one: (office) => ` The ${office} is real and not part of this dataset.`,
		many: (n, offices) => ` The ${n} ${offices} are real and not part of this dataset.`
	}
};
function officesReal(locale: Locale, n: number, office: Names): string {
	if (n === 0) return '';
	return n === 1 ? OFFICES_REAL[locale].one(office[locale].singular) : OFFICES_REAL[locale].many(countWord(locale, n), office[locale].plural);
}

export function facilitiesMeta(
	{ count, residents, offices }: BeispielSummary,
	{ name: city, office, area, inputs }: BeispielCity,
	seed = FACILITY_SEED
): DatasetMeta {
	const areas = area.en.plural;
	const reference = { de: formatNumber('de', REFERENCE_RESIDENTS), en: formatNumber('en', REFERENCE_RESIDENTS) };
	return {
		id: FACILITY_DATASET_ID,
		title: {
			de: 'Einrichtungen (Kitas, Schulen, Treffs, Beratung, Gesundheit, Haltestellen, Sport, Netzwerkpartner) – Beispieldaten (synthetisch, kein Verzeichnis der Stadt)',
			en: 'Facilities (day care, schools, meeting places, counselling, health, stops, sport, network partners) – example data (synthetic, not the city register)'
		},
		description: {
			de: `${count} synthetische Einrichtungen, erzeugt vom Generator ${FACILITY_SCRIPT} mit dem festen Startwert (Seed) ${seed}. Es ist KEIN Einrichtungsverzeichnis der Stadt ${city}: ein echtes Verzeichnis lässt sich hier nicht abrufen. Anzahl je Typ (Richtwerte je ${reference.de} Einwohner, auf die Einwohnerzahl umgerechnet) und Kapazitäten sind für eine Stadt mit rund ${aboutResidents('de', residents)} Einwohnern plausibel, die Lage folgt den Einwohnern in den ${dativePlural(area.de.plural)}.${officesReal('de', offices, office)}`,
			en: `${count} synthetic facilities produced by the generator ${FACILITY_SCRIPT} with the fixed seed ${seed}. This is NOT the facility register of the city of ${city}: a real register cannot be fetched here. Counts per type (rates per ${reference.en} residents, scaled to the number of residents) and capacities are plausible for a city of about ${aboutResidents('en', residents)} residents; positions follow the residents of the ${areas}.${officesReal('en', offices, office)}`
		},
		source: [{ name: `Kontoratlas generator ${FACILITY_SCRIPT}, seed ${seed} (synthetic facilities)` }, ...inputs],
		licence: 'CC0 1.0 (synthetic)',
		attribution: `Synthetic example data generated by Kontoratlas (${FACILITY_SCRIPT}, seed ${seed})`,
		date: `${FACILITY_AS_OF} (synthetic)`,
		collected: FACILITY_AS_OF,
		beispieldaten: true,
		caveats: [
			'Beispieldaten: synthetic facilities, never the city register; names end in "(Beispiel)"; do not use them for decisions.',
			`Deterministic: a d3 randomLcg stream seeded from ${seed}; the same inputs and seed give byte-identical output.`,
			planRationale,
			`This city: ${formatNumber('en', residents)} residents in its ${areas}, so each type's count is its rate × ${formatNumber('en', residents)} / ${reference.en}, rounded.`,
			`Each type's count is apportioned to the ${areas} by residents (largest remainder). A facility is placed around its ${area.en.singular}'s centre (the centre coordinate the data give, else an inner point of the area) with a normal spread proportional to the radius of a built-up area at ${BUILT_UP_DENSITY} residents per km², inside the ${area.en.singular} and at least 60 m from the other facilities of its type there. Location precision is therefore "area" and there are no addresses.`,
			'Capacities (Kita, schools, youth and senior meeting places) are drawn from normal distributions around typical sizes and rounded; the other types have no capacity.',
			`Netzwerkpartner: three synthetic associations in each ${office.en.singular}’s ${area.en.singular}, plus the Familienzentrum, Jugendtreff, Seniorentreff and Beratungsstelle nearest to each ${office.en.singular}.`
		]
	};
}
