import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT, parseEmbedOptions } from './embed';

describe('embed options', () => {
	it('defaults to legend and controls on, and a height in range', () => {
		expect(parseEmbedOptions(new URLSearchParams(''))).toEqual({ legend: true, controls: true, height: EMBED_HEIGHT.default });
		expect(parseEmbedOptions(new URLSearchParams('legend=0&controls=0&height=300'))).toEqual({ legend: false, controls: false, height: 300 });
		expect(parseEmbedOptions(new URLSearchParams('height=99999')).height).toBe(EMBED_HEIGHT.default);
		expect(parseEmbedOptions(new URLSearchParams('height=12.5')).height).toBe(EMBED_HEIGHT.default);
	});
});
