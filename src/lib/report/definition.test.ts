// Report definitions from URLs: good ones round-trip, bad ones give every problem with its
// parameter and a German and English message (unknown subject, empty selection, 200 indicators, …).
import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { report } from '$lib/i18n/report';
import { CHAPTERS, definitionParams, definitionQuery, kontorYearDefinitions, MAX_INDICATORS, parseDefinition, type DefinitionContext } from './definition';

const ctx: DefinitionContext = {
	kontore: ['fredenberg', 'gebhardshagen'],
	levels: ['stadtteil', 'ortschaft'],
	areas: new Map([
		['lebenstedt', 'stadtteil'],
		['thiede', 'stadtteil'],
		['nord', 'ortschaft'],
		['salzgitter', 'stadt']
	]),
	indicators: ['einwohner', 'sgb2-quote', 'kinderarmut'],
	years: [2019, 2020, 2021, 2022, 2023],
	maxYear: 2026
};
const parse = (q: string) => parseDefinition(new URLSearchParams(q), ctx);
const problems = (q: string) => {
	const r = parse(q);
	if (r.ok) throw new Error('expected problems');
	return r.problems;
};

describe('parseDefinition', () => {
	it("takes the subject kinds from the city's levels", () => {
		const other: DefinitionContext = { ...ctx, levels: ['bezirk'], areas: new Map([['nordstadt', 'bezirk']]) };
		const r = parseDefinition(new URLSearchParams('art=bezirk&id=nordstadt&vergleich=nordstadt'), other);
		expect(r.ok && r.definition.subject).toEqual({ kind: 'bezirk', id: 'nordstadt' });
		const bad = parseDefinition(new URLSearchParams('art=stadtteil&id=lebenstedt'), other);
		expect(!bad.ok && bad.problems[0]).toMatchObject({ key: 'report.problem.kind', params: { allowed: 'kontor, bezirk, auswahl' } });
	});

	it('reads a full definition and writes it back to the same URL', () => {
		const q = 'art=stadtteil&id=lebenstedt&indikatoren=kinderarmut,einwohner&jahre=2021,2023&kapitel=indikatoren,lage&vergleich=thiede&lang=en';
		const r = parse(q);
		expect(r).toEqual({
			ok: true,
			definition: {
				subject: { kind: 'stadtteil', id: 'lebenstedt' },
				indicators: ['kinderarmut', 'einwohner'],
				years: [2021, 2023],
				// In the report's order, whatever the URL's.
				chapters: ['lage', 'indikatoren'],
				compare: ['thiede'],
				locale: 'en'
			}
		});
		if (!r.ok) return;
		expect(parse(definitionParams(r.definition).toString())).toEqual(r);
		expect(definitionQuery(r.definition)).toBe(
			'art=stadtteil&id=lebenstedt&indikatoren=kinderarmut,einwohner&jahre=2021,2023&kapitel=lage,indikatoren&vergleich=thiede&lang=en'
		);
	});

	it('defaults to every indicator, the last two years with data and every chapter', () => {
		const r = parse('art=kontor&id=fredenberg');
		expect(r.ok && r.definition).toMatchObject({ indicators: ctx.indicators, years: [2022, 2023], chapters: [...CHAPTERS], compare: [], locale: 'de' });
	});

	it('refuses an unknown subject, naming it, in both languages', () => {
		const [p] = problems('art=kontor&id=atlantis');
		expect(p).toEqual({ key: 'report.problem.unknown.kontor', params: { id: 'atlantis' }, parameter: 'id' });
		expect(translator('de', report)(p.key, p.params)).toBe('Ein Kontor „atlantis“ gibt es nicht.');
		expect(translator('en', report)(p.key, p.params)).toBe('There is no Kontor "atlantis".');
		expect(problems('art=stadtteil&id=nord')[0]).toMatchObject({ key: 'report.problem.unknown.area', params: { id: 'nord', level: 'stadtteil' } });
		expect(problems('art=stadt&id=salzgitter')[0].key).toBe('report.problem.kind');
		expect(problems('')[0].key).toBe('report.problem.kindMissing');
	});

	it('refuses an empty selection, a mixed one and one with unknown areas', () => {
		expect(problems('art=auswahl&id=')[0].key).toBe('report.problem.emptySelection');
		expect(problems('art=auswahl&id=,,')[0].key).toBe('report.problem.emptySelection');
		expect(problems('art=auswahl&id=lebenstedt,nord')[0].key).toBe('report.problem.mixedLevels');
		expect(problems('art=auswahl&id=lebenstedt,salzgitter')[0]).toMatchObject({ key: 'report.problem.unknownAreas', params: { ids: 'salzgitter' } });
		expect(parse('art=auswahl&id=lebenstedt,thiede').ok).toBe(true);
	});

	it(`refuses more than ${MAX_INDICATORS} indicators (200 of them) rather than cutting the list`, () => {
		const many = Array.from({ length: 200 }, (_, i) => `ind-${i}`).join(',');
		const [p] = problems(`art=kontor&id=fredenberg&indikatoren=${many}`);
		expect(p).toEqual({ key: 'report.problem.tooManyIndicators', params: { max: MAX_INDICATORS, n: 200 }, parameter: 'indikatoren' });
		expect(translator('de', report)(p.key, p.params)).toContain('Höchstens 30 Indikatoren je Bericht, nicht 200');
	});

	it('refuses unknown chapters, indicators and years, and reports every problem at once', () => {
		const found = problems('art=kontor&id=fredenberg&kapitel=lage,anhang&indikatoren=einwohner,foo&jahre=1850');
		expect(found.map((p) => p.parameter).sort()).toEqual(['indikatoren', 'jahre', 'kapitel']);
		expect(found.find((p) => p.parameter === 'kapitel')).toMatchObject({ key: 'report.problem.chapter', params: { value: 'anhang' } });
		expect(found.find((p) => p.parameter === 'jahre')).toMatchObject({ key: 'report.problem.yearNoData', params: { value: '1850', from: 2019, to: 2026 } });
		expect(problems('art=kontor&id=fredenberg&jahre=20x3')[0].key).toBe('report.problem.year');
	});

	it('clips a hostile id in the message', () => {
		const [p] = problems(`art=kontor&id=${'<script>'.repeat(50)}`);
		expect(String(p.params!.id).length).toBeLessThanOrEqual(41);
	});
});

describe('the yearly Kontor reports', () => {
	it('are one definition per Kontor with the report year and the year before', () => {
		const all = kontorYearDefinitions(2025, ctx);
		expect(all.map((d) => d.kontor)).toEqual(['fredenberg', 'gebhardshagen']);
		expect(all[0].definition).toEqual({
			subject: { kind: 'kontor', id: 'fredenberg' },
			indicators: ctx.indicators,
			years: [2024, 2025],
			chapters: [...CHAPTERS],
			compare: [],
			locale: 'de'
		});
		expect(parse(definitionParams(all[1].definition).toString())).toEqual({ ok: true, definition: all[1].definition });
	});
});
