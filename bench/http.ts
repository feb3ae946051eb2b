// One GET over node:http with the body as sent: fetch would decode it (in libuv's thread pool,
// which also shows in timings), and the benches count, compare or time the encoded bytes.
import { request, type Agent } from 'node:http';

export interface RawAnswer {
	status: number;
	body: Buffer;
	/** The answer's content-encoding, `identity` when it names none. */
	encoding: string;
}

export function getRaw(url: string, options: { acceptEncoding: string; agent?: Agent; timeoutMs?: number }): Promise<RawAnswer> {
	return new Promise((ok, fail) => {
		const req = request(url, { agent: options.agent, headers: { 'accept-encoding': options.acceptEncoding }, timeout: options.timeoutMs }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }));
			res.on('error', fail);
		});
		req.on('timeout', () => req.destroy(new Error(`${url}: no answer within ${options.timeoutMs} ms`)));
		req.on('error', fail).end();
	});
}
