// Which representation a request gets: `f=json|html` wins; otherwise the Accept header, negotiated
// by `negotiator`: HTML only when the client ranks it above JSON (browsers do, GDAL and curl do not);
// equal q-values go by the client's own order, and anything else (no header, nothing we have) is JSON.
import Negotiator from 'negotiator';
import { invalidParameter } from './exception';

export const FORMATS = ['json', 'html'] as const;
export type OgcFormat = (typeof FORMATS)[number];

const JSON_TYPES = ['application/json', 'application/geo+json', 'application/vnd.oai.openapi+json', 'application/schema+json'];
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

export function chooseFormat(url: URL, accept: string | null): OgcFormat {
	const f = url.searchParams.get('f');
	if (f !== null) {
		if ((FORMATS as readonly string[]).includes(f)) return f as OgcFormat;
		throw invalidParameter('f', 'ogc.format', { format: f.slice(0, 40), allowed: FORMATS.join(', ') });
	}
	if (!accept) return 'json';
	// JSON first: a wildcard (`*/*`) that ranks both alike gets JSON.
	const best = new Negotiator({ headers: { accept } }).mediaType([...JSON_TYPES, ...HTML_TYPES]);
	return best !== undefined && HTML_TYPES.includes(best) ? 'html' : 'json';
}
