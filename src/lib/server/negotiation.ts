// Content-coding negotiation (Accept-Encoding, RFC 9110 §12.5.3) with `negotiator` and conditional
// GET (If-None-Match, RFC 9110 §13.1.2) with `fresh`, for every layer that answers: respond(), the
// page compression and the response cache's fast path, so all three decide alike.
import fresh from 'fresh';
import Negotiator from 'negotiator';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Ours first where the client ranks codings equally: br is the smaller, gzip the fallback. */
const PREFERRED: Encoding[] = ['br', 'gzip', 'identity'];

/** negotiator 1 takes a server preference for ties; @types/negotiator does not declare it yet. */
type EncodingNegotiator = { encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined };

const negotiator = (header: string) => new Negotiator({ headers: { 'accept-encoding': header } }) as unknown as EncodingNegotiator;

/**
 * The coding a response body gets for this Accept-Encoding header: the highest q-value, ties going
 * br, gzip, identity; `q=0` refuses a coding. No header means no preference (identity). When the
 * client refuses everything we have (`*;q=0`, or `identity;q=0` with br and gzip refused too), the
 * body goes out unencoded all the same: RFC 9110 lets the server do so rather than fail with 406,
 * and a readable answer serves such a client better than none.
 */
export function negotiateEncoding(header: string | null | undefined): Encoding {
	if (!header) return 'identity';
	return (negotiator(header).encoding(PREFERRED, { preferred: PREFERRED }) as Encoding | undefined) ?? 'identity';
}

/**
 * True when the client explicitly refuses an unencoded body (`identity;q=0`, or `*;q=0` without
 * an identity entry): then even a small body, which is otherwise not worth compressing, is sent
 * in the negotiated coding.
 */
export function refusesIdentity(header: string | null | undefined): boolean {
	if (!header) return false;
	return negotiator(header).encoding(['identity'], { preferred: ['identity'] }) === undefined;
}

/**
 * If-None-Match by weak comparison, as RFC 9110 §13.1.2 asks for it: `W/"x"` matches `"x"` and
 * the other way round, `*` matches any current representation, and a list matches when one of
 * its tags does. Only this header is consulted (fresh would also read Cache-Control: no-cache,
 * which concerns caches, not the origin server).
 */
export function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const header = ifNoneMatch.trim();
	if (!header) return false;
	return fresh({ 'if-none-match': header }, { etag });
}

export const ACCEPT_ENCODING_KEY = Symbol.for('kontoratlas.acceptEncoding');

/**
 * The Accept-Encoding header reduced to the coding negotiated here, for adapter-node's static file
 * handler (sirv): it only looks for the names "br" and "gzip" in the header, so `br;q=0` would
 * still get a .br file. server.js rewrites the header with this before the handler runs; the app
 * negotiates the same result from the reduced header.
 */
export function reduceAcceptEncoding(header: string): string {
	const encoding = negotiateEncoding(header);
	return [encoding === 'identity' ? '' : encoding, refusesIdentity(header) ? 'identity;q=0' : ''].filter(Boolean).join(', ');
}

/** Made available to server.js (a different module instance) as the app starts. */
export function registerAcceptEncodingReducer(): void {
	(globalThis as typeof globalThis & { [ACCEPT_ENCODING_KEY]?: (header: string) => string })[ACCEPT_ENCODING_KEY] = reduceAcceptEncoding;
}
