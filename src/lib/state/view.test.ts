import { describe, expect, it } from 'vitest';
import { defaultView, parseView, serializeView, type ViewCatalogue } from './view';

const catalogue: ViewCatalogue = {
	indicators: [
		{ id: 'einwohnerdichte', years: [2020, 2021, 2023] },
		{ id: 'sgb2-quote', years: [2019, 2020, 2021, 2022, 2023] }
	],
	areaIds: new Set(['lebenstedt', 'thiede', 'nord']),
	defaultIndicator: 'einwohnerdichte',
	levels: ['stadtteil', 'ortschaft']
};
const parse = (q: string) => parseView(new URLSearchParams(q), catalogue);

describe('parseView', () => {
	it('gives the default view for an empty URL', () => {
		expect(parse('')).toEqual({ view: defaultView(catalogue), notices: [] });
	});

	it('starts on the first indicator served when the default one is not (internal, so not in the public catalogue)', () => {
		const publicOnly = { ...catalogue, indicators: catalogue.indicators.filter((i) => i.id !== 'einwohnerdichte') };
		expect(parseView(new URLSearchParams(''), publicOnly).view.indicator).toBe('sgb2-quote');
		expect(parseView(new URLSearchParams('indicator=einwohnerdichte'), publicOnly).view.indicator).toBe('sgb2-quote');
		// The URL of that view names no indicator and reads back to the same view.
		const url = serializeView(parseView(new URLSearchParams(''), publicOnly).view, publicOnly);
		expect(parseView(url, publicOnly).view.indicator).toBe('sgb2-quote');
	});

	it('reads a full view', () => {
		const { view, notices } = parse(
			'indicator=sgb2-quote&year=2022&level=ortschaft&method=jenks&classes=7&scheme=RdBu&sel=lebenstedt,thiede&hide=labels,context&opacity=choropleth:60&map=12.5/52.1/10.35&lang=en'
		);
		expect(notices).toEqual([]);
		expect(view).toMatchObject({
			indicator: 'sgb2-quote',
			year: 2022,
			level: 'ortschaft',
			method: 'jenks',
			classes: 7,
			scheme: 'RdBu',
			selection: ['lebenstedt', 'thiede'],
			hidden: ['catchments', 'labels', 'context'],
			opacity: { choropleth: 60 },
			camera: { zoom: 12.5, lat: 52.1, lon: 10.35 },
			lang: 'en'
		});
	});

	it('falls back to defaults with a notice for each invalid value, never failing', () => {
		const { view, notices } = parse('indicator=<script>&year=1999&classes=42&method=magic&scheme=rainbow&sel=lebenstedt,atlantis&map=x/y/z&hide=everything');
		expect(view.indicator).toBe('einwohnerdichte');
		expect(view.year).toBeNull();
		expect(view.classes).toBe(5);
		expect(view.method).toBe('quantile');
		expect(view.scheme).toBeNull();
		expect(view.selection).toEqual(['lebenstedt']);
		expect(view.camera).toBeNull();
		expect(view.hidden).toEqual(['catchments']);
		expect(notices.map((n) => n.param)).toEqual(['indicator', 'year', 'method', 'classes', 'scheme', 'sel', 'hide', 'map']);
	});

	it('checks the year against the chosen indicator', () => {
		expect(parse('indicator=sgb2-quote&year=2019').view.year).toBe(2019);
		expect(parse('year=2019').notices).toEqual([{ param: 'year', value: '2019', message: 'invalid' }]);
	});

	it('needs breaks for the manual method', () => {
		expect(parse('method=manual&breaks=500,100,1000').view).toMatchObject({ method: 'manual', breaks: [100, 500, 1000] });
		expect(parse('method=manual').view.method).toBe('quantile');
	});
});

describe('layers that start hidden', () => {
	it('are shown with show=… and hidden by default', () => {
		expect(parse('').view.hidden).toEqual(['catchments']);
		expect(parse('show=catchments').view.hidden).toEqual([]);
		expect(parse('show=labels').notices).toEqual([{ param: 'show', value: 'labels', message: 'unknown' }]);
		const { view } = parse('show=catchments&hide=labels');
		expect(serializeView(view, catalogue).toString()).toBe('hide=labels&show=catchments');
	});
});

describe('catchment layer settings', () => {
	it('reads mode and distances, rejects bad ones with a notice', () => {
		expect(parse('cmode=nearest&cdist=1200,300').view).toMatchObject({ catchmentMode: 'nearest', catchmentDistances: [300, 1200] });
		const bad = parse('cmode=isochrone&cdist=0,50000');
		expect(bad.view).toMatchObject({ catchmentMode: 'rings', catchmentDistances: [500, 1000, 1500] });
		expect(bad.notices.map((n) => n.param)).toEqual(['cmode', 'cdist']);
		expect(serializeView(parse('cmode=nearest&cdist=800').view, catalogue).toString()).toBe('cmode=nearest&cdist=800');
	});
});

describe('facility layer (einr=)', () => {
	it('is off by default, on for every type with einr=alle, for some types with a list', () => {
		expect(parse('').view.facilities).toBeNull();
		expect(parse('einr=alle').view.facilities).toBe('alle');
		expect(parse('einr=kita,apotheke,kita').view.facilities).toEqual(['kita', 'apotheke']);
		expect(parse('einr=keine').view.facilities).toEqual([]);
	});

	it('drops malformed type ids with a notice and keeps the others', () => {
		const { view, notices } = parse('einr=kita,<b>,Apotheke');
		expect(view.facilities).toEqual(['kita']);
		expect(notices).toEqual([{ param: 'einr', value: '<b>,Apotheke', message: 'invalid' }]);
	});

	it('round-trips', () => {
		for (const q of ['einr=alle', 'einr=kita%2Capotheke', 'einr=keine']) expect(serializeView(parse(q).view, catalogue).toString()).toBe(q);
	});
});

describe('serializeView', () => {
	it('leaves defaults out and round-trips every field', () => {
		expect(serializeView(defaultView(catalogue), catalogue).toString()).toBe('');
		const q =
			'indicator=sgb2-quote&year=2022&rel=einwohnerdichte&level=ortschaft&method=manual&classes=4&scheme=Blues&breaks=5%2C10%2C15&sel=nord&hide=kontore&opacity=context%3A40&map=11%2F52.1%2F10.4&lang=en';
		const { view } = parse(q);
		expect(serializeView(view, catalogue).toString()).toBe(q);
	});
});
