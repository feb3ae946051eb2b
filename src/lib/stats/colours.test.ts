import { schemeBlues, schemeOrRd, schemeRdBu } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { classColours, defaultScheme } from './colours';

describe('classColours', () => {
	it('makes high values strongest where higher is worse', () => {
		expect(classColours('OrRd', 5, 'higher-worse')).toEqual([...schemeOrRd[5]]);
		expect(classColours('OrRd', 5, 'neutral')).toEqual([...schemeOrRd[5]]);
	});
	it('makes low values strongest where higher is better', () => {
		const c = classColours('Blues', 4, 'higher-better');
		expect(c).toEqual([...schemeBlues[4]].reverse());
		expect(c[0]).toBe(schemeBlues[4][3]);
	});
	it('puts red on the worse side of a diverging scheme', () => {
		// ColorBrewer's RdBu runs red → blue
		expect(classColours('RdBu', 5, 'higher-worse')[4]).toBe(schemeRdBu[5][0]);
		expect(classColours('RdBu', 5, 'higher-better')[0]).toBe(schemeRdBu[5][0]);
	});
});

describe('defaultScheme', () => {
	it('is diverging for standard deviations and sequential otherwise', () => {
		expect(defaultScheme('higher-worse', 'stddev')).toBe('RdBu');
		expect(defaultScheme('neutral', 'stddev')).toBe('PuOr');
		expect(defaultScheme('higher-worse', 'quantile')).toBe('OrRd');
		expect(defaultScheme('higher-better', 'jenks')).toBe('Blues');
	});
});
