// The analysis pool against a built server of its own with one worker thread, a queue of one job
// and a 10 s time limit (a fresh worker loads its code and builds the model first) (KONTORATLAS_POOL_*), and the test-only jobs that misbehave on purpose
// (KONTORATLAS_TEST_POOL_JOBS=1): each failure is one problem answer for its own request, and the
// server, its cached reads and the pool's next analyses carry on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../global-setup';

let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
	server = await startServer({
		KONTORATLAS_POOL_THREADS: '1',
		KONTORATLAS_POOL_QUEUE: '1',
		KONTORATLAS_POOL_TIMEOUT_MS: '10000',
		KONTORATLAS_POOL_MEMORY_MB: '128',
		KONTORATLAS_TEST_POOL_JOBS: '1'
	});
});
afterAll(() => server?.child.kill());

const get = (path: string) => fetch(server.url + path);

async function expectProblem(res: Response, status: number) {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const body = await res.json();
	expect(body.status).toBe(status);
	return body as { title: string; detail: string };
}

/** A coverage request the pool has not answered before (a new set of distances each time). */
let fresh = 700;
const analysis = () => get(`/api/coverage?distances=${fresh++},2000`);

describe('the analysis pool', () => {
	it('computes catchments and coverage in a worker with the figures the API promises', async () => {
		const res = await analysis();
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.reached.length).toBeGreaterThan(0);
		expect(body.cityPopulation).toBeGreaterThan(100_000);
	});

	it('answers 503 with Retry-After when the queue is full, and the queued jobs still finish', async () => {
		// One job runs, one waits, the rest find the queue full.
		const answers = await Promise.all([1, 2, 3, 4].map(() => get('/test-pool?job=sleep&ms=800')));
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
		const busy = answers.filter((r) => r.status === 503);
		expect(busy.length).toBeGreaterThanOrEqual(1);
		expect(Number(busy[0].headers.get('retry-after'))).toBeGreaterThan(0);
		const problem = await expectProblem(busy[0], 503);
		expect(problem.title).toBe('Server ausgelastet');
		expect((await analysis()).status).toBe(200);
	});

	it('stops a job over its time limit with a problem, and the thread is free again', async () => {
		const problem = await expectProblem(await get('/test-pool?job=sleep&ms=60000&lang=en'), 503);
		expect(problem.title).toBe('Computation stopped');
		// With one thread, an analysis answers only if the sleeping job's worker was terminated.
		expect((await analysis()).status).toBe(200);
	});

	it('fails only the request whose job throws, exits or runs out of memory; the pool replaces the worker', async () => {
		expect((await expectProblem(await get('/test-pool?job=throw'), 500)).title).toBe('Berechnung fehlgeschlagen');
		expect((await analysis()).status).toBe(200);
		await expectProblem(await get('/test-pool?job=exit'), 500);
		expect((await analysis()).status).toBe(200);
		expect((await expectProblem(await get('/test-pool?job=oom'), 500)).detail).toContain('Speicher');
		expect((await analysis()).status).toBe(200);
		expect((await get('/api/kontore')).status).toBe(200);
	});

	it('offers no test jobs unless the server was started for them', async () => {
		const plain = await startServer();
		try {
			expect((await fetch(`${plain.url}/test-pool?job=throw`)).status).toBe(404);
		} finally {
			plain.child.kill();
		}
	});
});
