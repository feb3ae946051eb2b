import { internalAt } from '$lib/auth/visibility';
import type { IndicatorTable } from '$lib/data/responses';
import { getIndicator, indicatorColumns, indicatorTable, parseLevel, parseYear } from '$lib/server/api';
import { toGermanCsv } from '$lib/server/csv';
import { SUPPRESSED_LABEL } from '$lib/stats/disclosure';
import { ProblemError, respondAsync, VARY_ACCEPT } from '$lib/server/http';
import { apiGet, CSV_TYPE, JSON_TYPE } from '$lib/server/endpoint';

/** `columns`: JSON in columns (a large level's table, $lib/data/tableColumns). */
const FORMATS = ['json', 'csv', 'columns'] as const;

export const GET = apiGet(({ url, request, params }, store) => {
	const meta = getIndicator(store, params.id!);
	const level = parseLevel(url.searchParams.get('level'), store);
	const year = parseYear(url.searchParams.get('year'), meta.years);
	const format = url.searchParams.get('format');
	// Without format= the Accept header decides, and caches must know that.
	const vary = format === null ? VARY_ACCEPT : {};
	const chosen = chooseFormat(format, request.headers.get('accept'));
	if (chosen === 'columns') return respondAsync(request, JSON.stringify(indicatorColumns(store, meta, level, year)), JSON_TYPE, vary);
	const table = indicatorTable(store, meta, level, year);
	if (chosen === 'json') return respondAsync(request, JSON.stringify(table), JSON_TYPE, vary);
	const filename = `${meta.id}_${level}_${year ?? 'aktuell'}.csv`;
	return respondAsync(request, csvOf(table), CSV_TYPE, { 'content-disposition': `attachment; filename="${filename}"`, ...vary });
});

function chooseFormat(format: string | null, accept: string | null): (typeof FORMATS)[number] {
	if (format !== null) {
		if ((FORMATS as readonly string[]).includes(format)) return format as (typeof FORMATS)[number];
		throw new ProblemError(400, {
			title: 'problem.format',
			detail: 'problem.format.detail',
			params: { format: format.slice(0, 40) },
			parameter: 'format',
			allowed: [...FORMATS]
		});
	}
	// Prefer CSV only when the client asks for it more than for JSON.
	const q = (type: string) => {
		const part = accept?.split(',').find((p) => p.trim().split(';')[0].trim() === type);
		if (!part) return 0;
		const qp = part.split(';').find((p) => p.trim().startsWith('q='));
		return qp ? Number(qp.trim().slice(2)) : 1;
	};
	return q('text/csv') > q('application/json') ? 'csv' : 'json';
}

function csvOf(t: IndicatorTable): string {
	const m = t.indicator;
	const header = [
		'Gebiet-ID',
		'Gebiet',
		'Ebene',
		'Indikator',
		'Jahr',
		'Stichtag',
		`Wert (${m.unit.de})`,
		'Zähler',
		'Nenner',
		'Rang',
		`Abweichung von ${t.reference.name} (${m.unit.de})`,
		'Abweichung (%)',
		'Herkunft',
		'Beispieldaten',
		// Only a signed-in user's export can hold internal figures; it says so in every row.
		'Sichtbarkeit',
		'Quelle',
		'Lizenz'
	];
	const rows = t.rows.map((r) => [
		r.area,
		r.name,
		t.level,
		m.label.de,
		r.year,
		r.stand,
		r.value,
		r.numerator,
		r.denominator,
		r.rank,
		r.deviation ? round(r.deviation.absolute, m.decimals + 1) : null,
		r.deviation?.relativePct == null ? null : round(r.deviation.relativePct, 1),
		r.suppressed ? SUPPRESSED_LABEL : r.origin,
		m.beispieldaten,
		internalAt(m, t.level) ? 'intern' : 'öffentlich',
		m.source,
		m.licence
	]);
	return toGermanCsv(header, rows);
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
