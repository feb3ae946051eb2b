import { describe, expect, it } from 'vitest';
import { carriesAreaGeometry, inlinedFetches, serialiseLikeKit, withBodies, withoutGeometry, withScripts } from './inlined';

const square = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 0]
		]
	]
};
const areas = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', geometry: square, properties: { name: '</script> & Co' } }] };
const script = (url: string, body: unknown) =>
	`<script type="application/json" data-sveltekit-fetched data-url="${url}" data-ttl="300">${serialiseLikeKit({ status: 200, statusText: '', headers: {}, body: JSON.stringify(body) })}</script>`;
const html = `<body>${script('/api/indicators', { n: 1 })}\n${script('/api/areas?level=stadtteil&amp;x=1', areas)}</body>`;

describe('inlined load responses', () => {
	it('reads them as SvelteKit writes them, "<" escaped and the URL unescaped', () => {
		expect(html).not.toContain('</script> &');
		const found = inlinedFetches(html);
		expect(found.map((s) => s.url)).toEqual(['/api/indicators', '/api/areas?level=stadtteil&x=1']);
		expect(JSON.parse(found[1].payload.body)).toEqual(areas);
	});

	it('swaps bodies and scripts, leaving the rest of the page as it was', () => {
		const [indicators, stadtteile] = inlinedFetches(html);
		const swapped = withBodies(html, new Map([[stadtteile, '{"x":2}']]));
		expect(inlinedFetches(swapped).map((s) => s.payload.body)).toEqual(['{"n":1}', '{"x":2}']);
		const replaced = withScripts(
			html,
			[stadtteile],
			[
				{ url: '/a', body: '1' },
				{ url: '/b', body: '2' }
			]
		);
		expect(inlinedFetches(replaced).map((s) => [s.url, s.payload.body])).toEqual([
			['/api/indicators', '{"n":1}'],
			['/a', '1'],
			['/b', '2']
		]);
		expect(withScripts(html, [indicators, stadtteile], [])).toBe('<body>\n</body>');
	});

	it('takes out the geometry of GeoJSON and of TopoJSON, keeping ids and properties', () => {
		expect(carriesAreaGeometry(areas)).toBe(true);
		expect(
			carriesAreaGeometry({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} }] })
		).toBe(false);
		expect(withoutGeometry(areas)).toEqual({
			type: 'FeatureCollection',
			features: [{ type: 'Feature', id: 'a', geometry: null, properties: { name: '</script> & Co' } }]
		});
		const topology = {
			type: 'Topology',
			transform: { scale: [1, 1], translate: [0, 0] },
			arcs: [
				[
					[0, 0],
					[1, 0],
					[0, 1],
					[-1, -1]
				]
			],
			objects: {
				cells: {
					type: 'GeometryCollection',
					geometries: [
						{ type: 'Polygon', id: 'a', arcs: [[0]], properties: { p: 1 } },
						{ type: null, id: 'b' }
					]
				}
			}
		};
		expect(carriesAreaGeometry(topology)).toBe(true);
		expect(withoutGeometry(topology)).toEqual({
			type: 'Topology',
			transform: { scale: [1, 1], translate: [0, 0] },
			arcs: [],
			objects: {
				cells: {
					type: 'GeometryCollection',
					geometries: [
						{ type: null, id: 'a', properties: { p: 1 } },
						{ type: null, id: 'b' }
					]
				}
			}
		});
	});
});
