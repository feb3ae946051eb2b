import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT } from './embed';
import { embedUrl, iframeSnippet, withFacilities } from './embedSnippet';

describe('embed snippet', () => {
	it('builds the embed URL from the view, without the renderer and without defaults', () => {
		const view = new URLSearchParams('indicator=sgb2-quote&sel=thiede&renderer=svg');
		expect(embedUrl('https://atlas.example', view, { legend: true, controls: true, height: EMBED_HEIGHT.default })).toBe(
			'https://atlas.example/embed?indicator=sgb2-quote&sel=thiede'
		);
		expect(embedUrl('https://atlas.example', new URLSearchParams(), { legend: false, controls: false, height: 300 })).toBe(
			'https://atlas.example/embed?legend=0&controls=0&height=300'
		);
	});

	it('adds the facility layer with the types of the atlas, all where it has none, or drops it', () => {
		expect(withFacilities(new URLSearchParams('sel=thiede&einr=kita,apotheke'), true).toString()).toBe('sel=thiede&einr=kita%2Capotheke');
		expect(withFacilities(new URLSearchParams('sel=thiede'), true).toString()).toBe('sel=thiede&einr=alle');
		expect(withFacilities(new URLSearchParams('einr=keine'), true).toString()).toBe('einr=alle');
		expect(withFacilities(new URLSearchParams('sel=thiede&einr=kita'), false).toString()).toBe('sel=thiede');
	});

	it('escapes the snippet attributes', () => {
		expect(iframeSnippet('https://a.example/embed?a=1&b="x"', 480, 580, 'Karte <Test>')).toBe(
			'<iframe src="https://a.example/embed?a=1&amp;b=&quot;x&quot;" width="480" height="580" title="Karte &lt;Test>" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>'
		);
	});
});
