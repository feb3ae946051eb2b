// The security headers every answer carries: pages, API, OGC, embed, admin, errors and the static
// files adapter-node's sirv serves. server.js sets them on every response before anything else
// runs (sirv and the response cache's fast path never enter SvelteKit), so the app hands them over
// through a globalThis registry, as for the response cache.

export const SECURITY_HEADERS_KEY = Symbol.for('kontoratlas.securityHeaders');

/**
 * Browser features the atlas never uses, all turned off (for the embed too, whoever frames it).
 * Checked in the source: no geolocation (the map has no locate control), no fullscreen control,
 * no media, sensors, payment or devices. Only names Chromium and Firefox know: an unknown one
 * costs a console warning on every page.
 */
export const DISABLED_FEATURES = [
	'accelerometer',
	'autoplay',
	'bluetooth',
	'camera',
	'display-capture',
	'encrypted-media',
	'fullscreen',
	'geolocation',
	'gyroscope',
	'hid',
	'idle-detection',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'picture-in-picture',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
] as const;

/** One year, as the HSTS preload list asks; no includeSubDomains: other hosts of the city are not ours to decide. */
const HSTS = 'max-age=31536000';

/**
 * The headers for a server whose public origin is `origin` (adapter-node's ORIGIN). HSTS only when
 * that origin is https: over plain HTTP (development, the tests, a local install) a browser ignores
 * it anyway, and behind a TLS proxy without ORIGIN the server cannot know the public scheme.
 */
export function baseSecurityHeaders(origin: string | undefined): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': DISABLED_FEATURES.map((f) => `${f}=()`).join(', ')
	};
	if (origin && /^https:\/\//i.test(origin.trim())) headers['strict-transport-security'] = HSTS;
	return headers;
}

/** Computed once as the app starts (hooks.server.ts), for server.js to read. */
export function registerSecurityHeaders(origin: string | undefined): Record<string, string> {
	const headers = baseSecurityHeaders(origin);
	(globalThis as typeof globalThis & { [SECURITY_HEADERS_KEY]?: Record<string, string> })[SECURITY_HEADERS_KEY] = headers;
	return headers;
}
