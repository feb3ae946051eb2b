import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// An optional online basemap (a MapLibre style URL); its origin must be allowed by the CSP, so
// the variable has to be set when building as well as when running. Off by default and in tests.
const basemap = process.env.PUBLIC_KONTORATLAS_BASEMAP_STYLE ? [new URL(process.env.PUBLIC_KONTORATLAS_BASEMAP_STYLE).origin] : [];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ precompress: true }),
		// A page's small stylesheets travel inside its (compressed) HTML instead of as files of their
		// own: a map page named eight of them, each a request that the map's scripts queued behind
		// over HTTP/1.1's six connections. MapLibre's own stylesheet (~70 KB) stays a cached file.
		inlineStyleThreshold: 10 * 1024,
		// One policy for every page: no external origins (but an optional basemap). Per-route
		// frame-ancestors (open for /embed) is set in hooks.server.ts (src/lib/server/csp.ts).
		// SvelteKit's inline start-up script is allowed by its hash, not by a nonce: a page is then
		// the same bytes for every anonymous request, so its ETag holds and the response cache can
		// keep the public atlas pages (responseCache.ts); a nonce would have to differ per response.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...basemap],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', ...basemap],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
