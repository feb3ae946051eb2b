// The worker runner's failure modes, with stand-in worker modules (data: URLs): whatever happens
// in the worker, the caller gets one clear problem and never an exception or a hang.
import { describe, expect, it } from 'vitest';
import type { PreviewInput } from './previewCompute';
import { buildDerived } from '$lib/data/pipeline';
import { readSourceDir } from './db/sourceDir';
import { runInWorker, runPreview } from './previewWorker';

const moduleOf = (code: string) => `data:text/javascript,${encodeURIComponent(`import { parentPort, workerData } from 'node:worker_threads';\n${code}`)}`;
const input = {
	kind: 'import-csv',
	name: 'C:\\Daten\\werte.csv',
	bytes: new Uint8Array([65]),
	user: 'u',
	date: '2026-01-01',
	options: { source: 's', licence: 'l', mode: 'merge' },
	base: { version: 1, files: '{}', derived: '{}' }
} as PreviewInput;
const options = { timeoutMs: 20_000, memoryMb: 256 };
/** Remembered cells the caller hands over (see cellsMemo.ts): what a worker that gives no answer leaves. */
const cells = [{ key: 'k', bytes: new Uint8Array([1, 2, 3]) }];
const task = { input, cells };

describe('runInWorker', () => {
	it('returns what the worker posts, computed from the task it was given, with the cells it ends with', async () => {
		const url = moduleOf(
			`export function serveWorker() { const { input, cells } = workerData; parentPort.postMessage({ output: { ok: false, problems: [{ file: input.name, key: 'data.tooManyRows', params: { n: input.bytes.length, max: 0 } }] }, cells: [{ key: 'new', bytes: new Uint8Array([9]) }, ...cells] }); }`
		);
		expect(await runInWorker(url, task, options)).toEqual({
			output: {
				ok: false,
				problems: [{ file: 'C:\\Daten\\werte.csv', key: 'data.tooManyRows', params: { n: 1, max: 0 } }]
			},
			cells: [{ key: 'new', bytes: new Uint8Array([9]) }, ...cells]
		});
	});

	it('turns an exception in the worker into a problem', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { throw new Error('kaputt'); }`), task, options);
		expect(r).toEqual({
			output: { ok: false, problems: [{ file: 'werte.csv', key: 'data.previewFailed', params: { error: 'kaputt' } }] },
			cells
		});
	});

	it('turns a worker that exits without an answer into a problem', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { process.exit(3); }`), task, options);
		expect(r).toEqual({
			output: { ok: false, problems: [{ file: 'werte.csv', key: 'data.previewExit', params: { code: 3 } }] },
			cells
		});
	});

	it('stops a worker that takes too long', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { for (;;); }`), task, { ...options, timeoutMs: 200 });
		expect(r).toMatchObject({
			output: { ok: false, problems: [{ file: 'werte.csv', key: 'data.previewTimeout', params: { limit: '200 ms' } }] },
			cells
		});
	});

	it('stops a worker that runs out of memory', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { const a = []; for (;;) a.push(new Array(1e5).fill(a.length)); }`), task, {
			...options,
			memoryMb: 32
		});
		expect(r).toMatchObject({
			output: { ok: false, problems: [{ key: 'data.previewMemory', params: { mb: 32 } }] },
			cells
		});
	});
});

describe('runPreview', { timeout: 60_000 }, () => {
	it('runs in-process where the code is a TypeScript source (vite dev, tests)', async () => {
		// On the shipped data, an upload that is not even valid text: the in-process computation
		// answers with its problem.
		const files = readSourceDir('geodata');
		const base = { version: 1, files: JSON.stringify(Object.fromEntries(files)), derived: JSON.stringify(buildDerived(files)) };
		const r = await runPreview({ ...input, base, bytes: new Uint8Array([0xff, 0xfe, 0, 0]) }, options);
		expect(r).toMatchObject({ ok: false, problems: [{ key: 'data.utf16' }] });
	});
});
