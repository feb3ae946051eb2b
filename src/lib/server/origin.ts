// The public origin for absolute links (OGC API links, DCAT identifiers). adapter-node assumes
// https unless ORIGIN or PROTOCOL_HEADER say otherwise, but it never terminates TLS itself: without
// either setting, the client reached the Node server directly, over plain http.
import { env } from '$env/dynamic/private';

export function publicOrigin(url: URL): string {
	if (env.ORIGIN || env.PROTOCOL_HEADER) return url.origin;
	return url.origin.replace(/^https:/, 'http:');
}
