// SvelteKit's inlined load responses in a page's HTML: reading them (as the client does on
// hydration), swapping their bodies, and the same bodies with every geometry taken out, so that
// the payload benchmark can tell how many bytes the geometry adds to a page.

/** One `<script type="application/json" data-sveltekit-fetched data-url=…>` element. */
export interface Inlined {
	url: string;
	/** Where the element's content starts and ends in the HTML. */
	start: number;
	end: number;
	payload: { status: number; statusText: string; headers: Record<string, string>; body: string };
}

const SCRIPT = /<script type="application\/json" data-sveltekit-fetched data-url="([^"]*)"[^>]*>([\s\S]*?)<\/script>/g;

const unescapeAttr = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

export function inlinedFetches(html: string): Inlined[] {
	return [...html.matchAll(SCRIPT)].map((m) => {
		const start = m.index + m[0].length - '</script>'.length - m[2].length;
		return { url: unescapeAttr(m[1]), start, end: start + m[2].length, payload: JSON.parse(m[2]) };
	});
}

/** As SvelteKit's serialize_data writes a payload into a script element. */
export function serialiseLikeKit(payload: Inlined['payload']): string {
	return JSON.stringify(payload).replace(/[<\u2028\u2029]/g, (c) => ({ '<': '\\u003C', '\u2028': '\\u2028', '\u2029': '\\u2029' })[c]!);
}

/** The HTML with the given elements' bodies replaced (by element, the others untouched). */
export function withBodies(html: string, replacements: Map<Inlined, string>): string {
	let out = '';
	let at = 0;
	for (const s of [...replacements.keys()].sort((a, b) => a.start - b.start)) {
		out += html.slice(at, s.start) + serialiseLikeKit({ ...s.payload, body: replacements.get(s)! });
		at = s.end;
	}
	return out + html.slice(at);
}

/** The HTML with some elements removed and others inserted where the first removed one was. */
export function withScripts(html: string, remove: Inlined[], insert: { url: string; body: string }[]): string {
	const sorted = [...remove].sort((a, b) => a.start - b.start);
	const openOf = (s: Inlined) => html.lastIndexOf('<script', s.start);
	const closeOf = (s: Inlined) => s.end + '</script>'.length;
	const added = insert
		.map(
			(i) =>
				`<script type="application/json" data-sveltekit-fetched data-url="${i.url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" data-ttl="300">${serialiseLikeKit({ status: 200, statusText: '', headers: {}, body: i.body })}</script>`
		)
		.join('\n\t\t');
	let out = '';
	let at = 0;
	sorted.forEach((s, k) => {
		out += html.slice(at, openOf(s)) + (k === 0 ? added : '');
		at = closeOf(s);
	});
	return out + html.slice(at);
}

type Json = Record<string, unknown>;

/** A GeoJSON FeatureCollection of (multi)polygons, or a TopoJSON topology: area geometry. */
export function carriesAreaGeometry(body: unknown): boolean {
	const b = body as Json | null;
	if (b?.type === 'Topology') return true;
	return (
		b?.type === 'FeatureCollection' && (b.features as Json[]).some((f) => ['Polygon', 'MultiPolygon'].includes((f.geometry as Json | null)?.type as string))
	);
}

/**
 * The same body with its geometry taken out and all else kept: a FeatureCollection's geometries
 * become null; a topology loses its arcs, and its geometries their arcs and type (TopoJSON's null
 * geometry), keeping id and properties.
 */
export function withoutGeometry(body: unknown): unknown {
	const b = body as Json;
	if (b.type === 'FeatureCollection') return { ...b, features: (b.features as Json[]).map((f) => ({ ...f, geometry: null })) };
	if (b.type === 'Topology') {
		const strip = (g: Json): Json => {
			if (g.type === 'GeometryCollection') return { ...g, geometries: (g.geometries as Json[]).map(strip) };
			const rest: Json = { ...g, type: null };
			delete rest.arcs;
			delete rest.coordinates;
			return rest;
		};
		return { ...b, arcs: [], objects: Object.fromEntries(Object.entries(b.objects as Record<string, Json>).map(([k, o]) => [k, strip(o)])) };
	}
	throw new Error(`no geometry to take out of a ${String(b.type)}`);
}
