// Self-contained SVG for report figures: D3 computes scales and path strings, these functions
// write the elements as text (no DOM), with generic sans-serif type and no external references,
// so the HTML preview, the PDF and the Word document embed the very same figure.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/** Text and attribute values escaped for XML: names and labels come from data. */
export function xml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function svgDocument(width: number, height: number, title: string, body: string): string {
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img">` +
		`<title>${xml(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
	);
}

/** Colour-blind-safe line colours (Okabe–Ito), the subject first; the city is drawn in grey, dashed. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const CITY_COLOUR = '#555555';

export interface LineSeries {
	name: string;
	points: { year: number; value: number | null }[];
	city?: boolean;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A time-series chart: one line per series, gaps stay gaps (never interpolated), each last value
 * marked, a legend under the plot. `format` writes axis values in the report's locale.
 */
export function timeSeriesSvg(series: LineSeries[], opts: { width: number; height: number; title: string; format: (x: number) => string }): string {
	const { width, height } = opts;
	const legendRows = Math.ceil(series.length / 3);
	const margin = { top: 10, right: 16, bottom: 24 + legendRows * 16, left: 52 };
	const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
	const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
	const lo = values.length ? Math.min(...values) : 0;
	const hi = values.length ? Math.max(...values) : 1;
	const x = scaleLinear()
		.domain(years.length > 1 ? [years[0], years.at(-1)!] : [years[0] - 1, years[0] + 1])
		.range([margin.left, width - margin.right]);
	const y = scaleLinear()
		.domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
		.nice(4)
		.range([height - margin.bottom, margin.top]);
	const parts: string[] = [];
	for (const t of y.ticks(4)) {
		const ty = r1(y(t));
		parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="#dddddd"/>`);
		parts.push(`<text x="${margin.left - 6}" y="${ty + 4}" text-anchor="end" fill="#333333">${xml(opts.format(t))}</text>`);
	}
	// Every year when they are few, else round ones; labels closer than a label's width are dropped (the last stays).
	const candidates = years.length <= 8 ? years : x.ticks(6).filter((t) => Number.isInteger(t));
	const yearTicks = candidates.reduceRight<number[]>((kept, t) => (kept.length && x(kept[0]) - x(t) < 36 ? kept : [t, ...kept]), []);
	for (const t of yearTicks) {
		parts.push(`<text x="${r1(x(t))}" y="${height - margin.bottom + 14}" text-anchor="middle" fill="#333333">${t}</text>`);
	}
	let colour = 0;
	series.forEach((s, i) => {
		const stroke = s.city ? CITY_COLOUR : SERIES_COLOURS[colour++ % SERIES_COLOURS.length];
		const dash = s.city ? ' stroke-dasharray="5 3"' : '';
		const d = line<{ year: number; value: number | null }>()
			.defined((p) => p.value !== null)
			.x((p) => r1(x(p.year)))
			.y((p) => r1(y(p.value!)))(s.points);
		if (d) parts.push(`<path d="${d}" fill="none" stroke="${stroke}" stroke-width="2"${dash}/>`);
		for (const p of s.points) {
			const lone = p.value !== null && s.points.filter((q) => q.value !== null).length === 1;
			if (p === s.points.filter((q) => q.value !== null).at(-1) || lone)
				parts.push(`<circle cx="${r1(x(p.year))}" cy="${r1(y(p.value!))}" r="3" fill="${stroke}"/>`);
		}
		const lx = margin.left + (i % 3) * ((width - margin.left) / 3);
		const ly = height - legendRows * 16 + Math.floor(i / 3) * 16 + 2;
		parts.push(`<line x1="${lx}" x2="${lx + 18}" y1="${ly + 4}" y2="${ly + 4}" stroke="${stroke}" stroke-width="2"${dash}/>`);
		parts.push(`<text x="${lx + 22}" y="${ly + 8}" fill="#222222">${xml(s.name)}</text>`);
	});
	return svgDocument(width, height, opts.title, parts.join(''));
}

export interface DeviationBar {
	label: string;
	/** Deviation from the city in %, null where it cannot be given. */
	pct: number | null;
	/** Printed instead of a bar where pct is null ("unterdrückt", "keine Angabe"). */
	missing: string;
}

/** Horizontal bars of the deviation from the city (0 in the middle), one per indicator. */
export function deviationSvg(bars: DeviationBar[], opts: { width: number; title: string; format: (x: number) => string }): { svg: string; height: number } {
	const rowH = 22;
	const margin = { top: 8, right: 60, bottom: 22, left: 230 };
	const height = margin.top + margin.bottom + bars.length * rowH;
	const extent = Math.max(10, ...bars.map((b) => Math.abs(b.pct ?? 0)));
	const x = scaleLinear()
		.domain([-extent, extent])
		.nice(4)
		.range([margin.left, opts.width - margin.right]);
	const y = scaleBand<number>()
		.domain(bars.map((_, i) => i))
		.range([margin.top, height - margin.bottom])
		.padding(0.25);
	const parts: string[] = [];
	for (const t of x.ticks(4)) {
		const tx = r1(x(t));
		parts.push(`<line x1="${tx}" x2="${tx}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="${t === 0 ? '#333333' : '#dddddd'}"/>`);
		parts.push(`<text x="${tx}" y="${height - 6}" text-anchor="middle" fill="#333333">${xml(opts.format(t))}</text>`);
	}
	bars.forEach((b, i) => {
		const by = r1(y(i)!);
		const bh = r1(y.bandwidth());
		const label = b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label;
		parts.push(`<text x="${margin.left - 6}" y="${r1(by + bh / 2 + 4)}" text-anchor="end" fill="#222222">${xml(label)}</text>`);
		if (b.pct === null) {
			parts.push(`<text x="${r1(x(0)) + 4}" y="${r1(by + bh / 2 + 4)}" fill="#555555" font-style="italic">${xml(b.missing)}</text>`);
			return;
		}
		const x0 = r1(x(Math.min(0, b.pct)));
		const w = Math.max(0.5, r1(Math.abs(x(b.pct) - x(0))));
		parts.push(`<rect x="${x0}" y="${by}" width="${w}" height="${bh}" fill="${b.pct >= 0 ? '#0072B2' : '#D55E00'}"/>`);
		const tx = b.pct >= 0 ? x0 + w + 4 : x0 - 4;
		parts.push(`<text x="${r1(tx)}" y="${r1(by + bh / 2 + 4)}" text-anchor="${b.pct >= 0 ? 'start' : 'end'}" fill="#222222">${xml(opts.format(b.pct))}</text>`);
	});
	return { svg: svgDocument(opts.width, height, opts.title, parts.join('')), height };
}

export interface SmallPanel {
	label: string;
	points: { year: number; value: number | null }[];
}

/** Small multiples: one sparkline per panel side by side, each with its first and last value. */
export function smallMultiplesSvg(
	panels: SmallPanel[],
	opts: { width: number; title: string; format: (x: number) => string }
): { svg: string; height: number } {
	const height = 110;
	const pw = opts.width / panels.length;
	const parts: string[] = [];
	panels.forEach((p, i) => {
		const left = i * pw + 8;
		const present = p.points.filter((q) => q.value !== null);
		parts.push(`<text x="${r1(left)}" y="14" fill="#222222" font-weight="bold">${xml(p.label)}</text>`);
		if (!present.length) return;
		const years = p.points.map((q) => q.year);
		const x = scaleLinear()
			.domain(years.length > 1 ? [years[0], years.at(-1)!] : [years[0] - 1, years[0] + 1])
			.range([left + 4, left + pw - 24]);
		const hi = Math.max(...present.map((q) => q.value!));
		const y = scaleLinear()
			.domain([0, hi === 0 ? 1 : hi])
			.range([80, 26]);
		const d = line<{ year: number; value: number | null }>()
			.defined((q) => q.value !== null)
			.x((q) => r1(x(q.year)))
			.y((q) => r1(y(q.value!)))(p.points);
		if (d) parts.push(`<path d="${d}" fill="none" stroke="${SERIES_COLOURS[0]}" stroke-width="2"/>`);
		const last = present.at(-1)!;
		parts.push(`<circle cx="${r1(x(last.year))}" cy="${r1(y(last.value!))}" r="3" fill="${SERIES_COLOURS[0]}"/>`);
		parts.push(`<text x="${r1(x(last.year))}" y="${r1(y(last.value!) - 6)}" text-anchor="end" fill="#222222">${xml(opts.format(last.value!))}</text>`);
		parts.push(`<text x="${r1(left + 4)}" y="98" fill="#555555">${years[0]}</text>`);
		if (years.length > 1) parts.push(`<text x="${r1(left + pw - 24)}" y="98" text-anchor="end" fill="#555555">${years.at(-1)}</text>`);
	});
	return { svg: svgDocument(opts.width, height, opts.title, parts.join('')), height };
}
