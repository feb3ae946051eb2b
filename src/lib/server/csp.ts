// Per-route framing rules on top of the CSP that SvelteKit writes for every page (svelte.config.js):
// /embed may be framed by the origins in KONTORATLAS_EMBED_ORIGINS (default: any), everything else
// only by the atlas itself. HTML from endpoints (OGC pages) and the SVG map get a policy too.

/** Origins that may frame /embed: `*`, or scheme://host[:port] entries separated by spaces or commas. */
export function parseEmbedOrigins(raw: string | undefined): string[] {
	if (!raw || !raw.trim()) return ['*'];
	const valid = raw
		.split(/[\s,]+/)
		.filter(Boolean)
		.filter((o) => o === '*' || o === "'self'" || /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(o));
	return valid.length ? valid : ["'none'"];
}

export const isEmbedPath = (path: string) => path === '/embed' || path.startsWith('/embed/');

const FALLBACK_PAGE_POLICY =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'";
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

export function securityHeaders(path: string, response: Response, embedOrigins: string[]): Response {
	const type = response.headers.get('content-type') ?? '';
	const embed = isEmbedPath(path);
	const framed = type.startsWith('text/html') || type.startsWith('image/svg+xml');
	if (!framed && !(embed && response.headers.has('set-cookie'))) return response;
	const ancestors = `frame-ancestors ${embed ? embedOrigins.join(' ') : "'self'"}`;
	const headers = new Headers(response.headers);
	if (framed) {
		const current = headers.get('content-security-policy') ?? (type.startsWith('image/svg+xml') ? SVG_POLICY : FALLBACK_PAGE_POLICY);
		const directives = current
			.split(';')
			.map((d) => d.trim())
			.filter((d) => d && !d.startsWith('frame-ancestors'));
		headers.set('content-security-policy', [...directives, ancestors].join('; '));
	}
	// The embed sets no cookies, whatever a future change might add upstream.
	if (embed) headers.delete('set-cookie');
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
