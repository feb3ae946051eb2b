// Which representation a request gets: `f=json|html` wins; otherwise the Accept header, where
// HTML is chosen only when the client prefers it to JSON (browsers do, GDAL and curl do not).
import { invalidParameter } from './exception';

export const FORMATS = ['json', 'html'] as const;
export type OgcFormat = (typeof FORMATS)[number];

function quality(accept: string, types: string[]): number {
	let best = 0;
	for (const part of accept.split(',')) {
		const [type, ...params] = part
			.trim()
			.split(';')
			.map((s) => s.trim().toLowerCase());
		if (!types.includes(type)) continue;
		const q = params.find((p) => p.startsWith('q='));
		best = Math.max(best, q ? Number(q.slice(2)) || 0 : 1);
	}
	return best;
}

export function chooseFormat(url: URL, accept: string | null): OgcFormat {
	const f = url.searchParams.get('f');
	if (f !== null) {
		if ((FORMATS as readonly string[]).includes(f)) return f as OgcFormat;
		throw invalidParameter('f', `unknown format "${f.slice(0, 40)}"; allowed: ${FORMATS.join(', ')}`);
	}
	if (!accept) return 'json';
	const html = quality(accept, ['text/html', 'application/xhtml+xml']);
	const json = quality(accept, ['application/json', 'application/geo+json', 'application/vnd.oai.openapi+json', 'application/schema+json']);
	return html > json ? 'html' : 'json';
}
