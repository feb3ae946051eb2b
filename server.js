// The production server (`npm start`): adapter-node's request handler (build/handler.js, written
// by `vite build`) behind a response cache for the read API. Repeated anonymous GET/HEAD requests
// under /api/ are answered from the cache the app fills (src/lib/server/responseCache.ts) without
// entering SvelteKit; everything else goes to the handler. Every answer carries the app's security
// headers, and a static file that vanished under the running server (a rebuild of build/) gets a
// 404 instead of taking the process down. Environment as adapter-node's own build/index.js: HOST,
// PORT, SOCKET_PATH, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT, SHUTDOWN_TIMEOUT; SIGTERM and SIGINT
// drain in-flight requests (/readyz answers 503 meanwhile), then emit `sveltekit:shutdown`.
// KONTORATLAS_RESPONSE_CACHE=off serves without the cache.
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
// Set on every response first (src/lib/server/securityHeaders.ts); the handler's own headers add to them.
const securityHeaders = Object.entries(globalThis[Symbol.for('kontoratlas.securityHeaders')] ?? {});
if (!securityHeaders.length) throw new Error('server.js: the app did not register its security headers (src/lib/server/securityHeaders.ts)');
// Marked as draining on shutdown, so that /readyz turns 503 (src/lib/server/health.ts).
const health = globalThis[Symbol.for('kontoratlas.health')];
if (!health) throw new Error('server.js: the app did not create its health state (src/lib/server/health.ts)');
// While the store is unreachable, every answer (the cache's too) carries a Warning naming the version served (src/lib/server/outage.ts).
const outage = globalThis[Symbol.for('kontoratlas.outage')];
if (!outage) throw new Error('server.js: the app did not create its outage state (src/lib/server/outage.ts)');
// sirv, the static file handler, finds codings in Accept-Encoding by name and ignores q-values.
const reduceAcceptEncoding = globalThis[Symbol.for('kontoratlas.acceptEncoding')];
if (!reduceAcceptEncoding) throw new Error('server.js: the app did not register its encoding negotiation (src/lib/server/negotiation.ts)');
// Asks this server for a large level's answers once it listens, and after every data change (src/lib/server/warmUp.ts).
const startWarmUp = globalThis[Symbol.for('kontoratlas.warmUp')];
if (!startWarmUp) throw new Error('server.js: the app did not register its warm-up (src/lib/server/warmUp.ts)');
// Tests only: how often the fast path answered, to show that it did.
const statsPath = process.env.KONTORATLAS_TEST_CACHE_STATS === '1' ? '/__test/response-cache' : null;

const notFound = (req, res) => {
	res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
	res.end('Not found');
};

/**
 * sirv (adapter-node's static file handler) writes the headers of a file it knew at startup, then
 * pipes `fs.createReadStream(file)` into the response without an error listener: a file deleted
 * since (a rebuild of build/ under the running server, a missing .br beside its original) made an
 * unhandled ENOENT that killed the process and every request in flight. Here headers written with
 * writeHead(status, headers) are held back until the first byte of the body, so that a stream
 * failing to open can still be answered with a 404; a stream failing later (headers and part of
 * the body already sent) ends that one response, never the process.
 */
function guardStaticStreams(req, res) {
	const writeHead = res.writeHead;
	let pending = null;
	const flush = () => {
		if (!pending) return;
		const args = pending;
		pending = null;
		writeHead.apply(res, args);
	};
	res.writeHead = function (status, ...rest) {
		// Node's implicit header (no object passed) and later calls go through unchanged.
		if (rest.length === 0 || res.headersSent || pending) return writeHead.call(this, status, ...rest);
		pending = [status, ...rest];
		return this;
	};
	for (const method of ['write', 'end', 'flushHeaders']) {
		const original = res[method];
		res[method] = function (...args) {
			flush();
			return original.apply(this, args);
		};
	}
	res.on('pipe', (source) => {
		source.once('error', (error) => {
			source.unpipe(res);
			console.error(`Static file unavailable for ${req.method} ${req.url}: ${error.code ?? error.message}`);
			if (pending && !res.headersSent) {
				pending = null;
				for (const name of res.getHeaderNames()) if (!securityHeaders.some(([h]) => h === name)) res.removeHeader(name);
				notFound(req, res);
			} else {
				res.destroy(error);
			}
		});
	});
}

/** Responses under way; on shutdown each closes its connection once it is done. */
const inFlight = new Set();

const server = http.createServer((req, res) => {
	for (const [name, value] of securityHeaders) res.setHeader(name, value);
	if (outage.warning) res.setHeader('warning', outage.warning);
	inFlight.add(res);
	res.on('close', () => inFlight.delete(res));
	if (cache.enabled && cache.serve(req, res)) return;
	// Answers from the cache come from memory; only the handler's (sirv's) file streams need the guard.
	guardStaticStreams(req, res);
	const acceptEncoding = req.headers['accept-encoding'];
	if (acceptEncoding !== undefined) req.headers['accept-encoding'] = reduceAcceptEncoding(String(acceptEncoding));
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
	// Without the cache nothing would keep the answers; KONTORATLAS_WARM_UP=off leaves them to the first user.
	if (cache.enabled && process.env.KONTORATLAS_WARM_UP !== 'off') startWarmUp(localGet(address));
});

/**
 * A GET to this server as an anonymous browser accepting brotli sends it (the cache keeps one
 * entry per path and encoding), through the socket or the loopback address it listens on. Resolves
 * with the status once the body is read.
 */
function localGet(address) {
	const target =
		typeof address === 'string'
			? { socketPath: address }
			: { host: ['0.0.0.0', '::'].includes(address.address) ? (address.family === 'IPv6' ? '::1' : '127.0.0.1') : address.address, port: address.port };
	return (path) =>
		new Promise((resolve, reject) => {
			const req = http.get({ ...target, path, headers: { 'accept-encoding': 'br' } }, (res) => {
				res.resume();
				res.once('end', () => resolve(res.statusCode));
				res.once('error', reject);
			});
			req.once('error', reject);
		});
}

let shuttingDown = null;
function shutdown(reason) {
	if (shuttingDown) return;
	health.draining = true;
	// Keep-alive connections would hold close() open until they time out.
	server.closeIdleConnections();
	// Requests in flight finish; their connections close as soon as they are idle.
	for (const res of inFlight) res.on('close', () => setImmediate(() => server.closeIdleConnections()));
	server.close((error) => {
		if (error) return;
		clearTimeout(shuttingDown);
		process.emit('sveltekit:shutdown', reason);
	});
	shuttingDown = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	// Requests still arriving on open connections (a load balancer's last ones) are answered alike.
	server.on('request', (req, res) => res.on('close', () => setImmediate(() => server.closeIdleConnections())));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
