import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX, indexFormula, parseIndexDefinition, serialiseIndexDefinition } from './sozialindex';

const known = new Set(['sgb2-quote', 'kinderarmut', 'wohnungsleerstand', 'arbeitslosenquote', 'sgb2']);
const parse = (q: string) => parseIndexDefinition(new URLSearchParams(q), known);

describe('parseIndexDefinition', () => {
	it('reads indicator, direction and weight', () => {
		const { definition, notices } = parse('index=sgb2-quote:%2B2,kinderarmut:%2B1,wohnungsleerstand:-1.5&iclass=quartile');
		expect(notices).toEqual([]);
		expect(definition).toEqual({
			components: [
				{ indicator: 'sgb2-quote', direction: 1, weight: 2 },
				{ indicator: 'kinderarmut', direction: 1, weight: 1 },
				{ indicator: 'wohnungsleerstand', direction: -1, weight: 1.5 }
			],
			classing: 'quartile'
		});
	});
	it('leaves indicators this reader is not served out of the default (an internal one stays unnamed)', () => {
		const served = new Set(['sgb2-quote', 'arbeitslosenquote', 'wohnungsleerstand']);
		expect(parseIndexDefinition(new URLSearchParams(''), served).definition.components.map((c) => c.indicator)).toEqual(['arbeitslosenquote', 'sgb2-quote']);
		expect(parseIndexDefinition(new URLSearchParams('index=nix'), served).definition.components.map((c) => c.indicator)).toEqual([
			'arbeitslosenquote',
			'sgb2-quote'
		]);
		// None of the default's: the first ones served instead.
		const other = parseIndexDefinition(new URLSearchParams(''), new Set(['anteil-65-plus', 'wohnungsleerstand']));
		expect(other.definition.components).toEqual([
			{ indicator: 'anteil-65-plus', direction: 1, weight: 1 },
			{ indicator: 'wohnungsleerstand', direction: 1, weight: 1 }
		]);
	});
	it('takes a hand-typed "+" (a space after decoding) and a bare id as +1', () => {
		expect(parse('index=sgb2-quote:+2,kinderarmut').definition.components).toEqual([
			{ indicator: 'sgb2-quote', direction: 1, weight: 2 },
			{ indicator: 'kinderarmut', direction: 1, weight: 1 }
		]);
	});
	it('drops unknown, duplicate and malformed parts with notices', () => {
		const { definition, notices } = parse('index=sgb2-quote:-1,foo:+1,sgb2-quote:+3,kinderarmut:0,kinderarmut:x,<b>&iclass=jenks');
		expect(definition.components).toEqual([{ indicator: 'sgb2-quote', direction: -1, weight: 1 }]);
		expect(definition.classing).toBe('sigma');
		expect(notices.map((n) => `${n.param}:${n.message}`)).toEqual([
			'iclass:unknown',
			'index:unknown',
			'index:duplicate',
			'index:invalid',
			'index:invalid',
			'index:invalid'
		]);
	});
	it('falls back to the default when nothing usable is left', () => {
		expect(parse('').definition).toEqual(DEFAULT_INDEX);
		expect(parse('index=foo').definition.components).toEqual(DEFAULT_INDEX.components);
	});
});

describe('serialiseIndexDefinition', () => {
	it('round-trips', () => {
		const def = parse('index=wohnungsleerstand:-1.5,sgb2-quote:%2B2&iclass=quartile').definition;
		const q = serialiseIndexDefinition(def);
		expect(q.get('index')).toBe('wohnungsleerstand:-1.5,sgb2-quote:+2');
		expect(parseIndexDefinition(q, known).definition).toEqual(def);
		expect(serialiseIndexDefinition(DEFAULT_INDEX).has('iclass')).toBe(false);
	});
});

describe('indexFormula', () => {
	it('writes the weighted sum over the total weight', () => {
		const def = parse('index=sgb2-quote:%2B2,wohnungsleerstand:-1').definition;
		expect(indexFormula(def, (id) => id.toUpperCase())).toBe('I = (2·z(SGB2-QUOTE) − 1·z(WOHNUNGSLEERSTAND)) / 3');
	});
});
