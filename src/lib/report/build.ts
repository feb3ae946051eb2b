// The report builder: a definition and the served data in, one ReportDoc out. Pure: the server
// hands the data in as ReportData, its tables from the API's own functions (so a report prints the
// API's figures, suppressed values included), and the renderers only lay the document out.
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { IndicatorMeta, IndicatorValue } from '$lib/data/contracts';
import type { AreaFeature, DatasetEntry, KontorFeature } from '$lib/data/derived';
import { isApproximated, type GeometryStatus } from '$lib/data/geometryStatus';
import type { IndicatorRow, IndicatorTable } from '$lib/data/responses';
import { paragraphs, type KontorActivity } from '$lib/data/taetigkeit';
import { area } from '@turf/area';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { CoverageFigures } from '$lib/geo/scenario';
import { formatDate, formatNumber, translator, type Locale } from '$lib/i18n';
import { report, type ReportKey } from '$lib/i18n/report';
import { subjectIds, type ChapterId, type ReportDefinition } from './definition';
import { reportMapSvg, type ReportMapInput } from './maps';
import type { ReportBlock, ReportChapter, ReportDoc, ReportMark, ReportSource } from './model';
import { deviationSvg, smallMultiplesSvg, timeSeriesSvg } from './svg';

/** Facilities as the report counts them; the server fills it where the store has a facility register. */
export interface ReportFacilities {
	types: { id: string; label: { de: string; en: string } }[];
	/** One entry per facility: its types, the Stadtteil it lies in, the Kontore whose network partner it is. */
	items: { name: string; types: string[]; area: string; partnerOf: string[]; beispieldaten: boolean }[];
	source: string;
	asOf: string;
}

/** The served data a report is built from. */
export interface ReportData {
	cityId: string;
	/** A level's name as a heading starts, from the city profile. */
	levelName: (level: string, locale: Locale) => string;
	stadtteile: AreaFeature[];
	ortschaften: AreaFeature[];
	stadt: AreaFeature;
	kontore: KontorFeature[];
	indicators: IndicatorMeta[];
	datasets: DatasetEntry[];
	/** The dataset of the city's outline (the profile's outline file), cited under maps; null when no sidecar names it. */
	outlineDataset: string | null;
	/** The API's indicator table (`/api/indicators/{id}?level=&year=`): same values, same suppression. */
	table: (meta: IndicatorMeta, level: string, year: number | null) => IndicatorTable;
	/** An area's values of an indicator, sorted by year, after disclosure control. */
	series: (indicator: string, area: string) => IndicatorValue[];
	/** The default catchment scenario of /erreichbarkeit (rings and nearest-Kontor areas), null where unavailable. */
	catchment: { figures: CoverageFigures; cells: Feature<Polygon | MultiPolygon, { kontor: string }>[] } | null;
	activities: KontorActivity[];
	facilities: ReportFacilities | null;
	geometry: GeometryStatus;
	/** The disclosure threshold in force (persons). */
	minBase: number;
	version: { id: number; createdAt: string | null };
	generatedAt: string;
}

type T = (key: ReportKey, params?: Record<string, string | number>) => string;

interface Focus {
	/** The level the subject's tables are read at (a Kontor's: the finest). */
	level: string;
	areas: AreaFeature[];
	/** Stadtteil ids the subject covers (for maps, Kontore and facilities). */
	stadtteile: string[];
	kontore: KontorFeature[];
	/** The Kontor the report is about. */
	kontor: KontorFeature | null;
}

const MAP_W = 640;
/** Area columns per indicator table of a selection: with indicator, year and city columns a table stays within an A4 page. */
const AREA_COLUMNS = 6;
const CHART_W = 640;

/** The year an indicator's report values come from: its latest year with data up to `year`. */
export function dataYear(meta: IndicatorMeta, year: number): number | null {
	return [...meta.years].reverse().find((y) => y <= year) ?? null;
}

export function buildReport(definition: ReportDefinition, data: ReportData, locale: Locale = definition.locale): ReportDoc {
	const t: T = translator(locale, report);
	const b = new Builder(definition, data, locale, t);
	return b.build();
}

class Builder {
	readonly focus: Focus;
	readonly reportYear: number;
	readonly previousYear: number | null;
	readonly metas: IndicatorMeta[];
	readonly marks = new Set<ReportMark>();
	readonly usedDatasets = new Set<string>(['gebiete', 'stadtteile', 'kontore']);

	constructor(
		readonly def: ReportDefinition,
		readonly data: ReportData,
		readonly locale: Locale,
		readonly t: T
	) {
		this.focus = focusOf(def, data);
		this.reportYear = def.years.at(-1)!;
		this.previousYear = def.years.length > 1 ? def.years.at(-2)! : null;
		const byId = new Map(data.indicators.map((m) => [m.id, m]));
		this.metas = def.indicators.map((id) => byId.get(id)).filter((m): m is IndicatorMeta => m !== undefined);
	}

	build(): ReportDoc {
		const chapters: ReportChapter[] = [];
		for (const id of this.def.chapters) {
			const blocks = this.chapter(id);
			if (blocks) chapters.push({ id, title: this.t(`report.chapter.${id}`), blocks });
		}
		const subjectName = this.subjectName();
		const title = this.focus.kontor ? this.t('report.title.kontor', { year: this.reportYear }) : this.t('report.title.area', { year: this.reportYear });
		const created = this.data.version.createdAt ? formatDate(this.locale, this.data.version.createdAt.slice(0, 10)) : '–';
		const order: ReportMark[] = ['beispieldaten', 'naeherung', 'unterdrueckt', 'intern'];
		return {
			locale: this.locale,
			title,
			subtitle: subjectName,
			footer: this.t('report.footer', { version: this.data.version.id, date: created }),
			marks: order.filter((m) => this.marks.has(m)).map((mark) => ({ mark, text: this.t(`report.mark.${mark}`, { min: this.data.minBase }) })),
			chapters,
			generatedAt: this.data.generatedAt
		};
	}

	subjectName(): string {
		const s = this.def.subject;
		if (this.focus.kontor) return this.focus.kontor.properties.name;
		if ('ids' in s) return this.t('report.subject.selection', { names: this.focus.areas.map((a) => a.properties.name).join(', ') });
		return this.t('report.subject.area', { level: this.data.levelName(this.focus.level, this.locale), name: this.focus.areas[0].properties.name });
	}

	chapter(id: ChapterId): ReportBlock[] | null {
		switch (id) {
			case 'lage':
				return this.lage();
			case 'bevoelkerung':
				return this.bevoelkerung();
			case 'indikatoren':
				return this.indikatoren();
			case 'vergleich':
				return this.def.compare.length ? this.vergleich() : null;
			case 'einrichtungen':
				return this.data.facilities && this.data.facilities.items.length ? this.einrichtungen(this.data.facilities) : null;
			case 'taetigkeit':
				return this.taetigkeit();
			case 'datenstand':
				return this.datenstand();
		}
	}

	/** Registers the marks of a block, so the title page explains each one that occurs. */
	mark(list: ReportMark[]): ReportMark[] {
		for (const m of list) this.marks.add(m);
		return [...new Set(list)];
	}

	get approximated(): boolean {
		return this.focus.areas.some((a) => isApproximated(this.data.geometry, a.properties));
	}

	fmt(x: number, decimals = 0): string {
		return formatNumber(this.locale, x, decimals);
	}

	/** A cell as printed: the value, its suppression mark, or "no data". */
	cell(row: IndicatorRow | null | undefined, meta: IndicatorMeta): string {
		if (!row) return this.t('report.noData');
		if (row.suppressed) return this.t('report.suppressed');
		return row.value === null ? this.t('report.noData') : this.fmt(row.value, meta.decimals);
	}

	/** Where an indicator's figures come from, with their reference date. */
	sourceOf(metas: IndicatorMeta[], years: (number | null)[], stands: (string | null)[] = []): ReportSource {
		for (const m of metas) for (const d of m.datasets) this.usedDatasets.add(d);
		// Sources of several indicators often share parts ("Wikipedia contributors; city statistics"): each part once.
		const parts = metas.flatMap((m) => m.source.split(/;\s*/).map((part) => (m.beispieldaten ? this.t('report.source.beispiel', { source: part }) : part)));
		const texts = [...new Set(parts)];
		const stand = [...new Set(stands.filter((s): s is string => s !== null))];
		const ys = [...new Set(years.filter((y): y is number => y !== null))].sort((a, b) => a - b);
		const asOf =
			stand.length === 1
				? formatDate(this.locale, stand[0])
				: ys.length === 0
					? '–'
					: ys.length === 1
						? this.t('report.asOf.year', { year: ys[0] })
						: this.t('report.asOf.years', { from: ys[0], to: ys.at(-1)! });
		return { text: `${texts.join('; ')} · ${this.t('report.source.version', { version: this.data.version.id })}`, asOf };
	}

	get mapSource(): ReportSource {
		const outline = this.data.outlineDataset;
		const parts = ['gebiete', 'stadtteile', 'kontore', ...(outline ? [outline] : [])].map((id) => this.data.datasets.find((d) => d.id === id));
		for (const p of parts) if (p) this.usedDatasets.add(p.id);
		const kontore = this.data.datasets.find((d) => d.id === 'kontore');
		return {
			text: `${parts
				.filter((p): p is DatasetEntry => p !== undefined)
				.map((p) => p.attribution)
				.join('; ')} · ${this.t('report.source.version', { version: this.data.version.id })}`,
			asOf: kontore ? kontore.date : '–'
		};
	}

	mapInput(): ReportMapInput {
		return {
			stadtteile: this.data.stadtteile as ReportMapInput['stadtteile'],
			ortschaften: this.data.ortschaften,
			outline: this.data.stadt as Feature<Polygon | MultiPolygon>,
			kontore: this.data.kontore as Feature<Point, { id: string; name: string }>[]
		};
	}

	lage(): ReportBlock[] {
		const blocks: ReportBlock[] = [];
		const { kontor } = this.focus;
		const names = (ids: string[]) =>
			ids
				.map((id) => this.data.stadtteile.find((s) => s.properties.id === id)?.properties.name ?? id)
				.sort((a, b) => a.localeCompare(b, 'de'))
				.join(', ');
		const cell = kontor ? (this.data.catchment?.cells.find((c) => c.properties.kontor === kontor.properties.id) ?? null) : null;
		if (kontor) {
			const k = kontor.properties;
			const where = k.address ?? k.knownLocation;
			blocks.push({ kind: 'paragraph', text: this.t('report.lage.kontor', { name: k.name, where, areaName: names([k.area]) }) });
			if (k.locationPrecision !== 'address') {
				blocks.push({ kind: 'notes', items: [this.t('report.lage.approxLocation')] });
				this.mark(['naeherung']);
			}
			if (cell) {
				const served = servedStadtteile(cell, this.data.stadtteile)
					.map((x) => ({ ...x, name: names([x.id]) }))
					.sort((a, b) => b.share - a.share);
				const list = served.map((x) => this.t('report.lage.servedShare', { name: x.name, pct: this.fmt(x.share * 100) })).join(', ');
				blocks.push({ kind: 'paragraph', text: this.t('report.lage.served', { names: list }) });
			}
		} else {
			blocks.push({ kind: 'paragraph', text: this.t('report.lage.area', { subject: this.subjectName(), areaNames: names(this.focus.stadtteile) }) });
			if (this.focus.kontore.length)
				blocks.push({ kind: 'paragraph', text: this.t('report.lage.kontoreIn', { names: this.focus.kontore.map((k) => k.properties.name).join(', ') }) });
		}
		const mapMarks = this.mark(this.approximated || kontor?.properties.locationPrecision !== 'address' ? ['naeherung'] : []);
		const kontorIds = this.focus.kontore.map((k) => k.properties.id);
		const subjectTitle = this.t('report.map.subject', { subject: this.subjectName() });
		blocks.push({
			kind: 'figure',
			caption: subjectTitle,
			svg: reportMapSvg(this.mapInput(), {
				width: MAP_W,
				height: 420,
				title: subjectTitle,
				highlight: this.focus.stadtteile,
				extra: cell,
				kontore: kontorIds,
				zoom: true,
				labels: true
			}),
			width: MAP_W,
			height: 420,
			alt: this.t(cell ? 'report.map.subject.altKontor' : 'report.map.subject.alt', { subject: this.subjectName(), areaNames: names(this.focus.stadtteile) }),
			source: this.mapSource,
			marks: mapMarks
		});
		const overviewTitle = this.t('report.map.overview');
		blocks.push({
			kind: 'figure',
			caption: overviewTitle,
			svg: reportMapSvg(this.mapInput(), {
				width: MAP_W,
				height: 480,
				title: overviewTitle,
				highlight: this.focus.stadtteile,
				extra: null,
				kontore: kontorIds,
				zoom: false,
				labels: false
			}),
			width: MAP_W,
			height: 480,
			alt: this.t('report.map.overview.alt', { subject: this.subjectName() }),
			source: this.mapSource,
			marks: mapMarks
		});
		const residents = this.residents();
		if (residents) blocks.push(residents);
		if (kontor) {
			const reached = this.reached(kontor.properties.id);
			if (reached) blocks.push(reached);
		}
		return blocks;
	}

	/** Residents of the subject in the report year: the einwohner indicator's figures (one per area). */
	residents(): ReportBlock | null {
		const meta = this.data.indicators.find((m) => m.id === 'einwohner');
		if (!meta) return null;
		const year = dataYear(meta, this.reportYear);
		const table = this.data.table(meta, this.focus.level, year);
		const rows = this.focus.areas.map((a) => table.rows.find((r) => r.area === a.properties.id) ?? null);
		const items = this.focus.areas.map((a, i) => ({ label: this.t('report.key.residents', { name: a.properties.name }), value: this.cell(rows[i], meta) }));
		return {
			kind: 'keyFigures',
			items,
			source: this.sourceOf(
				[meta],
				rows.map((r) => r?.year ?? null),
				rows.map((r) => r?.stand ?? null)
			),
			marks: this.mark([...(meta.beispieldaten ? ['beispieldaten' as const] : []), ...(rows.some((r) => r?.suppressed) ? ['unterdrueckt' as const] : [])])
		};
	}

	/** Residents a Kontor reaches: the catchment analysis of /erreichbarkeit (a model, so Näherung). */
	reached(kontor: string): ReportBlock | null {
		const c = this.data.catchment;
		if (!c) return { kind: 'notes', items: [this.t('report.reach.unavailable')] };
		const f = c.figures;
		const nearest = f.nearest.find((n) => n.kontor === kontor);
		const items = [
			...f.distances.map((d) => {
				const r = f.reached.find((x) => x.kontor === kontor && x.distance === d);
				return { label: this.t('report.reach.ring', { distance: this.fmt(d) }), value: r ? this.fmt(Math.round(r.areal)) : this.t('report.noData') };
			}),
			...(nearest
				? [
						{ label: this.t('report.reach.nearest'), value: this.fmt(Math.round(nearest.areal)) },
						{ label: this.t('report.reach.nearestArea'), value: `${this.fmt(nearest.areaKm2, 1)} km²` }
					]
				: [])
		];
		const meta = this.data.indicators.find((m) => m.id === 'einwohner');
		return {
			kind: 'keyFigures',
			items,
			source: {
				text: this.t('report.reach.source', { version: this.data.version.id }),
				asOf: meta ? this.sourceOf([meta], [dataYear(meta, this.reportYear)]).asOf : '–'
			},
			marks: this.mark(['naeherung'])
		};
	}

	bevoelkerung(): ReportBlock[] {
		const blocks: ReportBlock[] = [];
		const metas = this.data.indicators.filter((m) => m.domain === 'bevoelkerung' || m.domain === 'flaeche');
		if (!metas.length) return [{ kind: 'paragraph', text: this.t('report.none.indicators') }];
		blocks.push(...this.indicatorTables(metas, this.t('report.bev.table', { year: this.reportYear })));
		const einwohner = metas.find((m) => m.id === 'einwohner');
		if (einwohner) {
			// The whole series up to the report year: population change is read over decades.
			const years = einwohner.years.filter((y) => y <= this.reportYear);
			blocks.push(this.seriesFigure(einwohner, years, (ys) => this.t('report.bev.series', { from: ys[0], to: ys.at(-1)! })));
		}
		return blocks;
	}

	/** One table row per indicator: the subject's value(s), the city, the deviation and the change since the previous report year. */
	/** The indicator table; a selection's areas in tables of at most AREA_COLUMNS columns each, so every table fits a page. */
	indicatorTables(metas: IndicatorMeta[], caption: string): ReportBlock[] {
		const areas = this.focus.areas;
		const parts = Math.ceil(areas.length / AREA_COLUMNS);
		return Array.from({ length: parts }, (_, i) =>
			this.indicatorTable(metas, parts > 1 ? `${caption} (${i + 1}/${parts})` : caption, areas.slice(i * AREA_COLUMNS, (i + 1) * AREA_COLUMNS))
		);
	}

	indicatorTable(metas: IndicatorMeta[], caption: string, areas: AreaFeature[]): ReportBlock {
		const many = this.focus.areas.length > 1;
		const columns: { label: string; align: 'left' | 'right' }[] = [
			{ label: this.t('report.col.indicator'), align: 'left' },
			{ label: this.t('report.col.year'), align: 'right' },
			...(many ? areas.map((a) => ({ label: a.properties.name, align: 'right' as const })) : [{ label: this.t('report.col.value'), align: 'right' as const }]),
			{ label: this.t('report.col.city'), align: 'right' },
			...(many
				? []
				: [
						{ label: this.t('report.col.deviation'), align: 'right' as const },
						{ label: this.t('report.col.rank'), align: 'right' as const }
					]),
			...(this.previousYear !== null && !many ? [{ label: this.t('report.col.change'), align: 'right' as const }] : [])
		];
		const rows: string[][] = [];
		const years: (number | null)[] = [];
		let suppressed = false;
		for (const meta of metas) {
			const year = dataYear(meta, this.reportYear);
			years.push(year);
			const table = this.data.table(meta, this.focus.level, year);
			const found = areas.map((a) => table.rows.find((r) => r.area === a.properties.id) ?? null);
			suppressed ||= found.some((r) => r?.suppressed);
			const label = `${meta.label[this.locale]} (${meta.unit[this.locale]})`;
			const city = table.reference.value === null ? this.t('report.noData') : this.fmt(table.reference.value, meta.decimals);
			const row = [label, year === null ? '–' : String(year), ...found.map((r) => this.cell(r, meta)), city];
			if (!many) {
				const r = found[0];
				const dev = isSocial(meta) && r && !r.suppressed && r.deviation?.relativePct != null ? `${signed(this.fmt(r.deviation.relativePct, 1))} %` : '–';
				const ranked = table.rows.filter((x) => x.value !== null).length;
				row.push(dev, r?.rank != null ? this.t('report.rankOf', { rank: r.rank, n: ranked }) : '–');
				if (this.previousYear !== null) {
					const { text, suppressed: s } = this.change(meta, found[0], year);
					suppressed ||= s;
					row.push(text);
				}
			}
			rows.push(row);
		}
		return {
			kind: 'table',
			caption,
			columns,
			rows,
			source: this.sourceOf(metas, years),
			marks: this.mark([...(metas.some((m) => m.beispieldaten) ? ['beispieldaten' as const] : []), ...(suppressed ? ['unterdrueckt' as const] : [])])
		};
	}

	/** Change of the subject's value since the previous report year's value (both as the API gives them). */
	change(meta: IndicatorMeta, now: IndicatorRow | null, year: number | null): { text: string; suppressed: boolean } {
		// The latest data up to the previous report year, and before this one's: the report year may have no new data yet.
		const before = this.previousYear === null || year === null ? null : ([...meta.years].reverse().find((y) => y <= this.previousYear! && y < year) ?? null);
		if (!now || year === null || before === null) return { text: '–', suppressed: false };
		const then = this.data.table(meta, this.focus.level, before).rows.find((r) => r.area === now.area);
		if (now.suppressed || then?.suppressed) return { text: this.t('report.suppressed'), suppressed: true };
		if (now.value === null || then?.value == null) return { text: '–', suppressed: false };
		return { text: this.t('report.changeSince', { change: signed(this.fmt(now.value - then.value, meta.decimals)), year: before }), suppressed: false };
	}

	/** A time-series figure of one indicator: the subject's area(s) and the city, gaps kept. */
	seriesFigure(meta: IndicatorMeta, candidates: number[], caption: (years: number[]) => string): ReportBlock {
		const pick = (area: string) => {
			const list = this.data.series(meta.id, area);
			return years.map((year) => ({ year, value: list.find((v) => v.year === year)?.value ?? null }));
		};
		// Years where no plotted area has a value would only stretch the axis (einwohner reaches back to 1985 for a few areas).
		const plotted = [...this.focus.areas.map((a) => a.properties.id), this.data.cityId];
		const years = candidates.filter((y) => plotted.some((id) => this.data.series(meta.id, id).some((v) => v.year === y && (v.value !== null || v.suppressed))));
		if (!years.length) return { kind: 'paragraph', text: this.t('report.series.none', { indicator: meta.label[this.locale] }) };
		// One year is no series: a chart of a single point per line would only repeat the table.
		if (years.length === 1) return { kind: 'paragraph', text: this.t('report.series.single', { indicator: meta.label[this.locale], year: years[0] }) };
		const title = caption(years);
		const cityName = this.data.stadt.properties.name;
		const suppressed = this.focus.areas.some((a) => this.data.series(meta.id, a.properties.id).some((v) => v.suppressed && years.includes(v.year)));
		const series = [
			...this.focus.areas.map((a) => ({ name: a.properties.name, points: pick(a.properties.id) })),
			{ name: cityName, points: pick(this.data.cityId), city: true }
		];
		const last = (s: (typeof series)[number]) => s.points.filter((p) => p.value !== null).at(-1);
		const alt = this.t('report.series.alt', {
			indicator: meta.label[this.locale],
			from: years[0],
			to: years.at(-1)!,
			values: series
				.map((s) => {
					const l = last(s);
					return `${s.name}: ${l ? `${this.fmt(l.value!, meta.decimals)} (${l.year})` : this.t('report.noData')}`;
				})
				.join('; ')
		});
		const height = 240;
		return {
			kind: 'figure',
			caption: title,
			svg: timeSeriesSvg(series, { width: CHART_W, height, title, format: (x) => this.fmt(x, Math.abs(x) < 10 && meta.decimals ? 1 : 0) }),
			width: CHART_W,
			height,
			alt,
			source: this.sourceOf([meta], years.length ? [years[0], years.at(-1)!] : []),
			marks: this.mark([...(meta.beispieldaten ? ['beispieldaten' as const] : []), ...(suppressed ? ['unterdrueckt' as const] : [])])
		};
	}

	seriesYears(meta: IndicatorMeta): number[] {
		const from = this.def.years[0];
		const inRange = meta.years.filter((y) => y >= from && y <= this.reportYear);
		// A series needs two points; with one report year it reaches back over the indicator's years.
		return inRange.length >= 2 ? inRange : meta.years.filter((y) => y <= this.reportYear);
	}

	indikatoren(): ReportBlock[] {
		if (!this.metas.length) return [{ kind: 'paragraph', text: this.t('report.none.indicators') }];
		const blocks: ReportBlock[] = this.indicatorTables(this.metas, this.t('report.ind.table', { year: this.reportYear }));
		blocks.push(...this.deviationFigures());
		blocks.push({ kind: 'heading', level: 3, text: this.t('report.ind.seriesHeading') });
		for (const meta of this.metas) {
			// The residents' series is the Bevölkerung chapter's figure already.
			if (meta.id === 'einwohner' && this.def.chapters.includes('bevoelkerung')) continue;
			const years = this.seriesYears(meta);
			// One point is no series: the table has that value.
			if (years.length >= 2)
				blocks.push(this.seriesFigure(meta, years, (ys) => this.t('report.ind.series', { indicator: meta.label[this.locale], from: ys[0], to: ys.at(-1)! })));
		}
		return blocks;
	}

	/** The deviation of each indicator from the city, one chart per subject area. */
	deviationFigures(): ReportBlock[] {
		// Sizes (residents, area) and densities of a part against the whole city say nothing about its situation; rates do (as profiles.ts socialIndicators).
		const metas = this.metas.filter(isSocial);
		if (!metas.length) return [];
		return this.focus.areas.map((area) => {
			let suppressed = false;
			const years: (number | null)[] = [];
			const bars = metas.map((meta) => {
				const year = dataYear(meta, this.reportYear);
				years.push(year);
				const row = this.data.table(meta, this.focus.level, year).rows.find((r) => r.area === area.properties.id);
				suppressed ||= row?.suppressed ?? false;
				return {
					label: meta.label[this.locale],
					pct: row && !row.suppressed ? (row.deviation?.relativePct ?? null) : null,
					missing: row?.suppressed ? this.t('report.suppressed.word') : this.t('report.noData')
				};
			});
			const caption = this.t('report.ind.deviation', { name: area.properties.name, year: this.reportYear });
			const { svg, height } = deviationSvg(bars, { width: CHART_W, title: caption, format: (x) => `${signed(this.fmt(x, 0))} %` });
			return {
				kind: 'figure' as const,
				caption,
				svg,
				width: CHART_W,
				height,
				alt: this.t('report.ind.deviation.alt', {
					name: area.properties.name,
					values: bars.map((b) => `${b.label}: ${b.pct === null ? b.missing : `${signed(this.fmt(b.pct, 1))} %`}`).join('; ')
				}),
				source: this.sourceOf(metas, years),
				marks: this.mark([...(metas.some((m) => m.beispieldaten) ? ['beispieldaten' as const] : []), ...(suppressed ? ['unterdrueckt' as const] : [])])
			};
		});
	}

	vergleich(): ReportBlock[] {
		const blocks: ReportBlock[] = [];
		const byId = new Map([...this.data.stadtteile, ...this.data.ortschaften].map((a) => [a.properties.id, a]));
		const areas = [...this.focus.areas, ...this.def.compare.map((id) => byId.get(id)!).filter((a) => !this.focus.areas.includes(a))];
		blocks.push({ kind: 'paragraph', text: this.t('report.cmp.intro', { names: areas.map((a) => a.properties.name).join(', ') }) });
		for (const meta of this.metas) {
			const year = dataYear(meta, this.reportYear);
			const tables = new Map<string, IndicatorTable>();
			const tableOf = (level: string) => tables.get(level) ?? tables.set(level, this.data.table(meta, level, year)).get(level)!;
			let suppressed = false;
			const rows = areas.map((a) => {
				const table = tableOf(a.properties.level);
				const r = table.rows.find((x) => x.area === a.properties.id) ?? null;
				suppressed ||= r?.suppressed ?? false;
				const ranked = table.rows.filter((x) => x.value !== null).length;
				return [
					a.properties.name,
					this.cell(r, meta),
					isSocial(meta) && r && !r.suppressed && r.deviation?.relativePct != null ? `${signed(this.fmt(r.deviation.relativePct, 1))} %` : '–',
					r?.rank != null ? this.t('report.rankOf', { rank: r.rank, n: ranked }) : '–'
				];
			});
			const ref = tableOf(this.focus.level).reference;
			rows.push([ref.name, ref.value === null ? this.t('report.noData') : this.fmt(ref.value, meta.decimals), '', '']);
			blocks.push({
				kind: 'table',
				caption: this.t('report.cmp.table', { indicator: meta.label[this.locale], unit: meta.unit[this.locale], year: year ?? '–' }),
				columns: [
					{ label: this.t('report.col.area'), align: 'left' },
					{ label: this.t('report.col.value'), align: 'right' },
					{ label: this.t('report.col.deviation'), align: 'right' },
					{ label: this.t('report.col.rankLevel'), align: 'right' }
				],
				rows,
				source: this.sourceOf([meta], [year]),
				marks: this.mark([...(meta.beispieldaten ? ['beispieldaten' as const] : []), ...(suppressed ? ['unterdrueckt' as const] : [])])
			});
		}
		return blocks;
	}

	einrichtungen(f: ReportFacilities): ReportBlock[] {
		const inFocus = f.items.filter((i) => this.focus.stadtteile.includes(i.area));
		const count = (list: ReportFacilities['items'], type: string) => this.fmt(list.filter((i) => i.types.includes(type)).length);
		const marks = (list: ReportFacilities['items']) => this.mark(list.some((i) => i.beispieldaten) ? ['beispieldaten'] : []);
		const source = { text: `${f.source} · ${this.t('report.source.version', { version: this.data.version.id })}`, asOf: f.asOf };
		const typeLabel = (id: string) => f.types.find((t) => t.id === id)?.label[this.locale] ?? id;
		const blocks: ReportBlock[] = [
			{
				kind: 'table',
				caption: this.t('report.fac.table', { subject: this.subjectName() }),
				columns: [
					{ label: this.t('report.fac.type'), align: 'left' },
					{ label: this.t('report.fac.inSubject'), align: 'right' },
					{ label: this.t('report.col.city'), align: 'right' }
				],
				rows: f.types.map((type) => [type.label[this.locale], count(inFocus, type.id), count(f.items, type.id)]),
				source,
				marks: marks(f.items)
			}
		];
		const kontore = this.focus.kontore.map((k) => k.properties);
		const partners = f.items.filter((i) => i.partnerOf.some((k) => kontore.some((x) => x.id === k)));
		if (!kontore.length) return blocks;
		if (!partners.length) blocks.push({ kind: 'paragraph', text: this.t('report.fac.noPartners') });
		else {
			const stadtteil = (id: string) => this.data.stadtteile.find((s) => s.properties.id === id)?.properties.name ?? id;
			blocks.push({
				kind: 'table',
				caption: this.t('report.fac.partners', { names: kontore.map((k) => k.name).join(', ') }),
				columns: [
					{ label: this.t('report.fac.name'), align: 'left' },
					{ label: this.t('report.fac.type'), align: 'left' },
					{ label: this.t('report.fac.area'), align: 'left' },
					...(kontore.length > 1 ? [{ label: this.t('report.fac.partnerOf'), align: 'left' as const }] : [])
				],
				rows: partners
					.map((i) => [
						i.name,
						i.types.map(typeLabel).join(', '),
						stadtteil(i.area),
						...(kontore.length > 1
							? [
									kontore
										.filter((k) => i.partnerOf.includes(k.id))
										.map((k) => k.name)
										.join(', ')
								]
							: [])
					])
					.sort((a, b) => a[0].localeCompare(b[0], 'de')),
				source,
				marks: marks(partners)
			});
		}
		return blocks;
	}

	taetigkeit(): ReportBlock[] {
		const kontore = this.focus.kontor ? [this.focus.kontor] : this.focus.kontore;
		if (!kontore.length) return [{ kind: 'paragraph', text: this.t('report.act.noKontor') }];
		const blocks: ReportBlock[] = [];
		for (const k of kontore) {
			if (!this.focus.kontor) blocks.push({ kind: 'heading', level: 3, text: k.properties.name });
			blocks.push(...this.activityBlocks(k));
		}
		return blocks;
	}

	activityBlocks(k: KontorFeature): ReportBlock[] {
		const entries = this.data.activities.filter((a) => a.kontor === k.properties.id && a.year <= this.reportYear).sort((a, b) => a.year - b.year);
		const now = entries.find((a) => a.year === this.reportYear);
		const dataset = this.data.datasets.find((d) => d.files.some((f) => f === 'kontor_taetigkeit.json'));
		if (dataset) this.usedDatasets.add(dataset.id);
		const source = (list: KontorActivity[]): ReportSource => ({
			text: `${this.t('report.act.source', { name: k.properties.name })} · ${this.t('report.source.version', { version: this.data.version.id })}`,
			asOf: list.length
				? formatDate(
						this.locale,
						list
							.map((a) => a.updated)
							.sort()
							.at(-1)!
					)
				: '–'
		});
		const marksOf = (list: KontorActivity[]) => this.mark(list.some((a) => a.beispieldaten) ? ['beispieldaten'] : []);
		const blocks: ReportBlock[] = [];
		if (!now) blocks.push({ kind: 'paragraph', text: this.t('report.act.missing', { year: this.reportYear }) });
		else {
			if (now.beispieldaten) blocks.push({ kind: 'notes', items: [this.t('report.act.beispiel')] });
			for (const p of paragraphs(now.narrative)) blocks.push({ kind: 'paragraph', text: p });
			const figure = (x: number | null) => (x === null ? this.t('report.noData') : this.fmt(x));
			blocks.push({
				kind: 'keyFigures',
				items: [
					{ label: this.t('report.act.offers'), value: figure(now.offers) },
					{ label: this.t('report.act.events'), value: figure(now.events) },
					{ label: this.t('report.act.participants'), value: figure(now.participants) },
					{ label: this.t('report.act.networkMeetings'), value: figure(now.networkMeetings) }
				],
				source: source([now]),
				marks: marksOf([now])
			});
		}
		if (entries.length > 1) {
			const num = (x: number | null) => (x === null ? this.t('report.noData') : this.fmt(x));
			blocks.push({
				kind: 'table',
				caption: this.t('report.act.table', { name: k.properties.name }),
				columns: [
					{ label: this.t('report.col.year'), align: 'left' },
					{ label: this.t('report.act.offers'), align: 'right' },
					{ label: this.t('report.act.events'), align: 'right' },
					{ label: this.t('report.act.participants'), align: 'right' },
					{ label: this.t('report.act.networkMeetings'), align: 'right' }
				],
				rows: entries.map((a) => [String(a.year), num(a.offers), num(a.events), num(a.participants), num(a.networkMeetings)]),
				source: source(entries),
				marks: marksOf(entries)
			});
			const caption = this.t('report.act.series', { name: k.properties.name });
			const panels = (['offers', 'events', 'participants', 'networkMeetings'] as const).map((key) => ({
				label: this.t(`report.act.${key}`),
				points: entries.map((a) => ({ year: a.year, value: a[key] }))
			}));
			const { svg, height } = smallMultiplesSvg(panels, { width: CHART_W, title: caption, format: (x) => this.fmt(x) });
			blocks.push({
				kind: 'figure',
				caption,
				svg,
				width: CHART_W,
				height,
				alt: this.t('report.act.series.alt', {
					name: k.properties.name,
					from: entries[0].year,
					to: entries.at(-1)!.year
				}),
				source: source(entries),
				marks: marksOf(entries)
			});
		}
		return blocks;
	}

	datenstand(): ReportBlock[] {
		const blocks: ReportBlock[] = [];
		// Every chapter before this one has named its datasets by now.
		const used = this.data.datasets.filter((d) => this.usedDatasets.has(d.id));
		blocks.push({
			kind: 'table',
			caption: this.t('report.ds.table'),
			columns: [
				{ label: this.t('report.ds.title'), align: 'left' },
				{ label: this.t('report.ds.source'), align: 'left' },
				{ label: this.t('report.ds.licence'), align: 'left' },
				{ label: this.t('report.ds.date'), align: 'left' }
			],
			rows: used.map((d) => [
				d.beispieldaten ? `${d.title[this.locale]} (${this.t('report.mark.short.beispieldaten')})` : d.title[this.locale],
				d.source.map((s) => s.name).join('; '),
				d.licence,
				d.date
			]),
			source: {
				text: this.t('report.ds.sourceLine', { version: this.data.version.id }),
				asOf: this.data.version.createdAt ? formatDate(this.locale, this.data.version.createdAt.slice(0, 10)) : '–'
			},
			marks: this.mark(used.some((d) => d.beispieldaten) ? ['beispieldaten'] : [])
		});
		const notes = [
			this.t('report.ds.note.suppression', { min: this.data.minBase, mark: this.t('report.suppressed') }),
			this.t('report.ds.note.noData', { mark: this.t('report.noData') }),
			this.t('report.ds.note.latest')
		];
		if (used.some((d) => d.beispieldaten)) notes.unshift(this.t('report.mark.beispieldaten'));
		if (this.data.geometry.approximated.length) notes.push(this.t('report.mark.naeherung'));
		if (this.focus.kontor || this.def.chapters.includes('lage')) notes.push(this.t('report.ds.note.catchment'));
		blocks.push({ kind: 'notes', items: notes });
		return blocks;
	}
}

const isSocial = (m: IndicatorMeta) => m.aggregation.method === 'rate' || m.aggregation.method === 'weighted-mean';

const signed = (s: string) => (s.startsWith('-') || s.startsWith('−') ? s.replace('-', '−') : s === '0' || /^0[.,]0*$/.test(s) ? s : `+${s}`);

/** The areas a definition is about, at the level its tables are read at. */
function focusOf(def: ReportDefinition, data: ReportData): Focus {
	const areaById = new Map([...data.stadtteile, ...data.ortschaften].map((a) => [a.properties.id, a]));
	const finest = data.stadtteile[0].properties.level;
	// The finest areas inside an area of any level (through the parents in between).
	const inside = (id: string | null, target: string): boolean => id !== null && (id === target || inside(areaById.get(id)?.properties.parent ?? null, target));
	const stadtteileOf = (a: AreaFeature) => data.stadtteile.filter((s) => inside(s.properties.id, a.properties.id)).map((s) => s.properties.id);
	const s = def.subject;
	if (s.kind === 'kontor') {
		const kontor = data.kontore.find((k) => k.properties.id === s.id)!;
		const area = areaById.get(kontor.properties.area)!;
		return { level: finest, areas: [area], stadtteile: [area.properties.id], kontore: [kontor], kontor };
	}
	const areas = subjectIds(s).map((id) => areaById.get(id)!);
	const stadtteile = areas.flatMap(stadtteileOf);
	return {
		level: areas[0].properties.level,
		areas,
		stadtteile,
		kontore: data.kontore.filter((k) => stadtteile.includes(k.properties.area)),
		kontor: null
	};
}

/**
 * The Stadtteile a Kontor serves: those of which at least a tenth of the area lies in its
 * nearest-Kontor area (uniform density, as the catchment analysis assumes), with that share.
 */
export function servedStadtteile(cell: Feature<Polygon | MultiPolygon>, stadtteile: AreaFeature[]): { id: string; share: number }[] {
	return stadtteile.flatMap((s) => {
		const part = intersect(featureCollection([s as Feature<Polygon | MultiPolygon>, cell]));
		const share = part ? area(part) / area(s) : 0;
		return share >= 0.1 ? [{ id: s.properties.id, share }] : [];
	});
}
