// What-if: facilities added or removed, and the supply and reach figures before and after, for each
// type touched. Computed, never stored. Bad bodies are 400s that say what and where.
import { z } from 'zod';
import { positionProblem } from '$lib/facilities/checks';
import type { SupplyFacility } from '$lib/facilities/supply';
import { translator, type Locale } from '$lib/i18n';
import { facilities as facilitiesSection } from '$lib/i18n/facilities';
import { importer } from '$lib/i18n/importer';
import { ProblemError } from '../http';
import type { Store } from '../store';
import { reachFor, reachModel, supplyFor } from './analysis';
import { stadtteilOf } from '$lib/facilities/checks';

export const WhatIfBody = z.object({
	add: z
		.array(
			z.object({
				type: z.string().max(60),
				lon: z.number().finite(),
				lat: z.number().finite(),
				capacity: z.number().int().min(0).nullable().optional()
			})
		)
		.max(50)
		.default([]),
	remove: z.array(z.string().max(100)).max(500).default([])
});
export type WhatIfBody = z.infer<typeof WhatIfBody>;

const bad = (detail: string, parameter: string) =>
	new ProblemError(400, { title: 'fac.problem.body', detail: 'fac.problem.body.detail', params: { detail }, parameter });

export function parseWhatIf(raw: unknown, store: Store, locale: Locale): WhatIfBody {
	const t = translator(locale, facilitiesSection, importer);
	const parsed = WhatIfBody.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw bad(`${issue.path.join('.')}: ${issue.message}`, issue.path.join('.') || 'body');
	}
	const body = parsed.data;
	const types = new Map(store.derived.facilityTypes.map((x) => [x.id, x]));
	const city = store.areasByLevel.stadt[0].geometry;
	body.add.forEach((a, i) => {
		const type = types.get(a.type);
		if (!type) throw bad(t('fac.unknownType', { type: a.type.slice(0, 40), allowed: [...types.keys()].join(', ') }), `add.${i}.type`);
		const where = positionProblem([a.lon, a.lat], city);
		if (where) throw bad(t(where.key as 'fac.outsideCity', where.params), `add.${i}`);
		if (a.capacity != null && a.capacity > type.maxCapacity)
			throw bad(t('fac.capacityAbsurd', { capacity: a.capacity, type: type.id, max: type.maxCapacity }), `add.${i}.capacity`);
	});
	const ids = new Set(store.derived.facilities.features.map((f) => f.properties.id));
	const unknown = body.remove.filter((id) => !ids.has(id));
	if (unknown.length) throw bad(unknown.map((s) => s.slice(0, 40)).join(', '), 'remove');
	return body;
}

/** The figures before and after, per touched type (`only` narrows them to one). */
export async function whatIf(store: Store, body: WhatIfBody, level: string, distanceM: number, minutes: number, locale: Locale, only: string | null) {
	const t = translator(locale, facilitiesSection);
	const stadtteile = store.areasByLevel[store.finest].map((f) => ({ id: f.properties.id, geometry: f.geometry, labelPoint: f.properties.labelPoint }));
	const before = store.derived.facilities.features;
	const removed = new Set(body.remove);
	const added = body.add.map((a, i) => ({
		type: 'Feature' as const,
		id: `neu-${i + 1}`,
		geometry: { type: 'Point' as const, coordinates: [a.lon, a.lat] },
		properties: {
			id: `neu-${i + 1}`,
			name: t('fac.added', { n: i + 1 }),
			types: [a.type],
			capacity: a.capacity ?? null,
			area: stadtteilOf([a.lon, a.lat], stadtteile)
		}
	}));
	const after = [...before.filter((f) => !removed.has(f.properties.id)), ...added];
	const touched = new Set([...body.add.map((a) => a.type), ...before.filter((f) => removed.has(f.properties.id)).flatMap((f) => f.properties.types)]);
	const typeIds = only ? [only] : [...touched];
	const slim = (fs: { properties: SupplyFacility }[]) => fs.map((f) => f.properties);
	const results = [];
	for (const id of typeIds) {
		const type = store.derived.facilityTypes.find((x) => x.id === id)!;
		const positions = (fs: { properties: { types: string[] }; geometry: { coordinates: number[] } }[]) =>
			fs.filter((f) => f.properties.types.includes(id)).map((f) => f.geometry.coordinates as [number, number]);
		const [reachBefore, reachAfter] = await reachFor(store, [positions(before), positions(after)], level, distanceM, minutes);
		results.push({
			type: { id, label: type.label[locale] },
			supply: { before: supplyFor(store, slim(before), type, level, locale), after: supplyFor(store, slim(after), type, level, locale) },
			reach: { before: reachBefore, after: reachAfter }
		});
	}
	return {
		note: t('fac.whatIf'),
		level,
		distanceM,
		walkingMinutes: minutes,
		model: reachModel(locale, minutes),
		added: added.map((f) => ({ ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })),
		removed: body.remove,
		types: results
	};
}
