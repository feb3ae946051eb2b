// The production server (`npm start`): adapter-node's request handler (build/handler.js, written
// by `vite build`) behind a response cache for the read API. Repeated anonymous GET/HEAD requests
// under /api/ are answered from the cache the app fills (src/lib/server/responseCache.ts) without
// entering SvelteKit; everything else goes to the handler. Environment as adapter-node's own
// build/index.js: HOST, PORT, SOCKET_PATH, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT, SHUTDOWN_TIMEOUT;
// SIGTERM and SIGINT shut down gracefully. KONTORATLAS_RESPONSE_CACHE=off serves without the cache.
import { rmSync, statSync } from 'node:fs';
import http from 'node:http';
import process from 'node:process';
import { handler } from './build/handler.js';
import { env, timeout_env } from './build/env.js';

const path = env('SOCKET_PATH', false);
const host = env('HOST', '0.0.0.0');
const port = env('PORT', !path && '3000');
const shutdownTimeout = parseInt(env('SHUTDOWN_TIMEOUT', '30'));

// Importing the handler initialised the app, whose hooks created the cache.
const cache = globalThis[Symbol.for('kontoratlas.responseCache')];
if (!cache) throw new Error('server.js: the app did not create its response cache (src/lib/server/responseCache.ts)');
cache.enabled = process.env.KONTORATLAS_RESPONSE_CACHE !== 'off';
// Tests only: how often the fast path answered, to show that it did.
const statsPath = process.env.KONTORATLAS_TEST_CACHE_STATS === '1' ? '/__test/response-cache' : null;

const notFound = (req, res) => {
	res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
	res.end('Not found');
};

const server = http.createServer((req, res) => {
	if (cache.enabled && cache.serve(req, res)) return;
	if (statsPath && req.url === statsPath) {
		res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
		res.end(JSON.stringify({ hits: cache.hits, entries: cache.size, generation: cache.generation }));
		return;
	}
	handler(req, res, () => notFound(req, res));
});

const keepAliveTimeout = timeout_env('KEEP_ALIVE_TIMEOUT');
if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout * 1000;
const headersTimeout = timeout_env('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

if (path) {
	// A socket file left behind by an earlier run (as adapter-node does it).
	try {
		if (statSync(path).size === 0) rmSync(path);
	} catch {
		// none there
	}
}
server.listen({ path, host, port }, () => {
	const address = server.address();
	console.log(`Listening on ${typeof address === 'string' ? address : `http://${path ? path : `${host}:${address.port}`}`}`);
});

let shuttingDown = null;
function shutdown(reason) {
	if (shuttingDown) return;
	// Keep-alive connections would hold close() open until they time out.
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(shuttingDown);
		process.emit('sveltekit:shutdown', reason);
	});
	shuttingDown = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	// While shutting down, connections close as soon as they are idle.
	server.on('request', (req) => req.on('close', () => server.closeIdleConnections()));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
