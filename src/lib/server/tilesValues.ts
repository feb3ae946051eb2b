// The compact values request of a level (issue #21): one indicator and year for every area, in the
// order of the level's tile features (tiles.ts), so that the map colours the tiles by feature-state
// and never fetches geometry again when the indicator, year or classification changes.
import { parseYear, valueFor } from './api';
import { ProblemError } from './http';
import type { LevelValues } from '$lib/data/responses';
import type { Store } from './store';

/** The values of `indicator` (query `indikator`) in `year` (query `jahr`, absent or `latest`: each area's latest) at a level the store shows. */
export function levelValues(store: Store, level: string, indicator: string | null, yearParam: string | null): LevelValues {
	const areas = store.areasByLevel[level];
	if (!areas?.length) {
		throw new ProblemError(404, { title: 'problem.level', detail: 'problem.level.detail', params: { level: level.slice(0, 60) }, parameter: 'level' });
	}
	const meta = indicator === null || indicator === '' ? undefined : store.indicatorById.get(indicator);
	if (!meta) {
		const known = [...store.indicatorById.keys()];
		if (indicator === null || indicator === '')
			throw new ProblemError(400, { title: 'values.indicator', detail: 'values.indicator.detail', parameter: 'indikator', allowed: known });
		throw new ProblemError(400, {
			title: 'problem.indicators',
			detail: 'problem.indicators.detail',
			params: { ids: indicator.slice(0, 60) },
			parameter: 'indikator',
			allowed: known
		});
	}
	const byArea = store.series.get(meta.id);
	const ids = areas.map((f) => f.properties.id);
	if (!ids.some((id) => byArea?.has(id))) {
		throw new ProblemError(404, { title: 'values.noValues', detail: 'values.noValues.detail', params: { indicator: meta.id, level }, parameter: 'indikator' });
	}
	// The level's years, for a year asked for only.
	const levelYears = () => ids.flatMap((id) => (byArea?.get(id) ?? []).map((v) => v.year));
	let year: number | null;
	try {
		year = parseYear(yearParam, levelYears);
	} catch (e) {
		// The same problem as the rest of the API, named by this request's parameter.
		if (e instanceof ProblemError) throw new ProblemError(e.status, { ...e.details, parameter: 'jahr' });
		throw e;
	}
	const values: (number | null)[] = [];
	const suppressed: number[] = [];
	const years: (number | null)[] = [];
	ids.forEach((id, i) => {
		const v = valueFor(store, meta.id, id, year);
		values.push(v?.suppressed ? null : (v?.value ?? null));
		if (v?.suppressed) suppressed.push(i);
		years.push(v?.year ?? null);
	});
	return { level, indicator: meta.id, year, ids, values, suppressed, ...(year === null ? { years } : {}) };
}
