// SIGTERM drains: a request in flight (here a login whose body is still arriving) is answered,
// /readyz turns 503 for requests still arriving on open connections, `sveltekit:shutdown` is
// emitted for the app's resources, and the process exits 0.
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, removeStores, startAdminServer } from '../admin/helpers';

afterAll(() => removeStores());

/** Resolves once nothing listens at `port` any more (the server stopped accepting). */
async function refused(port: number): Promise<void> {
	for (;;) {
		const open = await new Promise<boolean>((ok) => {
			const s = connect(port, '127.0.0.1');
			s.once('connect', () => {
				s.destroy();
				ok(true);
			});
			s.once('error', () => ok(false));
		});
		if (!open) return;
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Every byte the server sends on `socket` until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
	return new Promise((ok, fail) => {
		let text = '';
		socket.setEncoding('utf8');
		socket.on('data', (d: string) => (text += d));
		socket.once('end', () => ok(text));
		socket.once('error', fail);
	});
}

describe('graceful shutdown', () => {
	it('finishes a request in flight after SIGTERM, answers /readyz with 503 meanwhile, emits sveltekit:shutdown, exits 0', async () => {
		const probeModule = pathToFileURL(resolve('tests/server/shutdown-probe.mjs')).href;
		const server = await startAdminServer({ SHUTDOWN_TIMEOUT: '30', NODE_OPTIONS: `--import ${probeModule}` });
		const port = Number(new URL(server.url).port);
		expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

		const body = new URLSearchParams({ user: ADMIN_USER, password: ADMIN_PASSWORD }).toString();
		const open = async () => {
			const socket = connect(port, '127.0.0.1');
			await new Promise((r) => socket.once('connect', r));
			return { socket, received: readAll(socket) };
		};
		const login = await open();
		// The request and the first half of its body: the login action is now waiting for the rest.
		login.socket.write(
			`POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nAccept: text/html\r\n` +
				`Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`
		);
		// A readiness probe whose headers are still arriving on a second connection. (Pipelined behind
		// the login it would race adapter-node, which closes a connection once it is idle after a
		// request during the drain: a request still unparsed then is dropped, by design.)
		const probe = await open();
		probe.socket.write(`GET /readyz?lang=en HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
		await new Promise((r) => setTimeout(r, 200));
		const exit = new Promise<number | null>((ok) => server.child.once('exit', (code) => ok(code)));
		server.child.kill('SIGTERM');
		// No new connections once draining has begun.
		await refused(port);
		expect(server.child.exitCode).toBeNull();

		// The probe's end of headers: answered 503 while the login is still in flight.
		probe.socket.write('\r\n');
		const ready = await probe.received;
		expect(ready).toMatch(/^HTTP\/1\.1 503 /);
		expect(ready).toMatch(/^cache-control: no-store\r$/im);
		expect(ready).toContain('"problem":"http.ready.draining"');
		expect(ready).toContain('The server is shutting down');
		expect(server.child.exitCode).toBeNull();

		// The rest of the login's body: the login goes through, 303 to /admin with a session cookie.
		login.socket.write(body.slice(10));
		const answers = (await login.received).split(/(?=^HTTP\/1\.1 )/m);
		expect(answers).toHaveLength(1);
		expect(answers[0]).toMatch(/^HTTP\/1\.1 303 /);
		expect(answers[0]).toMatch(/^location: \/admin\r$/im);
		expect(answers[0]).toMatch(/^set-cookie: kontoratlas_admin=[\w-]{43};/im);

		expect(await exit).toBe(0);
		expect(server.output()).toContain('probe: sveltekit:shutdown (SIGTERM)');
		expect(server.output()).not.toMatch(/error/i);
	});
});
