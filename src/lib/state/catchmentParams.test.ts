import { describe, expect, it } from 'vitest';
import { DEFAULT_DISTANCES } from '$lib/geo/catchmentDefaults';
import { checkDistance, checkDistances } from './catchmentParams';

const value = (raw: string | null) => {
	const c = checkDistances(raw);
	if (!c.ok) throw new Error(c.error);
	return c.value;
};
const error = (raw: string) => {
	const c = checkDistances(raw);
	if (c.ok) throw new Error(`accepted ${raw}`);
	return c.error;
};

describe('checkDistances', () => {
	it('accepts commas, semicolons and spaces as separators, in any mix', () => {
		expect(value('500,1000,1500')).toEqual([500, 1000, 1500]);
		expect(value('500;1000;1500')).toEqual([500, 1000, 1500]);
		expect(value('500 1000 1500')).toEqual([500, 1000, 1500]);
		expect(value(' 800, 300 ;1200  2000 ')).toEqual([300, 800, 1200, 2000]);
	});

	it('sorts, drops duplicates and rounds to whole metres', () => {
		expect(value('1500, 500, 500')).toEqual([500, 1500]);
		expect(value('499.6')).toEqual([500]);
	});

	it('falls back to the defaults when nothing is given', () => {
		expect(value(null)).toEqual([...DEFAULT_DISTANCES]);
		expect(value('   ')).toEqual([...DEFAULT_DISTANCES]);
	});

	it('refuses empty items, non-numbers, zero, over 20 km and more than 10 distances', () => {
		expect(error('500,,1000')).toContain('is not a number');
		expect(error('500; ;1000')).toContain('is not a number');
		expect(error('500 m')).toContain('"m" is not a number');
		expect(error('0, 500')).toContain('greater than 0');
		expect(error('-5')).toContain('greater than 0');
		expect(error('20001')).toContain('20000');
		expect(error('1 2 3 4 5 6 7 8 9 10 11')).toContain('at most 10');
	});
});

describe('checkDistance', () => {
	it('takes exactly one distance, with a fallback when empty', () => {
		expect(checkDistance('750', 500)).toEqual({ ok: true, value: 750 });
		expect(checkDistance('', 500)).toEqual({ ok: true, value: 500 });
		expect(checkDistance('500 1000', 500).ok).toBe(false);
	});
});
