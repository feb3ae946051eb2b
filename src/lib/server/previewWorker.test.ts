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

describe('runInWorker', () => {
	it('returns what the worker posts, computed from the input it was given', async () => {
		const url = moduleOf(
			`export function serveWorker() { parentPort.postMessage({ ok: false, problems: [{ file: workerData.name, key: 'data.tooManyRows', params: { n: workerData.bytes.length, max: 0 } }] }); }`
		);
		expect(await runInWorker(url, input, options)).toEqual({
			ok: false,
			problems: [{ file: 'C:\\Daten\\werte.csv', key: 'data.tooManyRows', params: { n: 1, max: 0 } }]
		});
	});

	it('turns an exception in the worker into a problem', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { throw new Error('kaputt'); }`), input, options);
		expect(r).toEqual({
			ok: false,
			problems: [{ file: 'werte.csv', key: 'data.previewFailed', params: { error: 'kaputt' } }]
		});
	});

	it('turns a worker that exits without an answer into a problem', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { process.exit(3); }`), input, options);
		expect(r).toEqual({
			ok: false,
			problems: [{ file: 'werte.csv', key: 'data.previewExit', params: { code: 3 } }]
		});
	});

	it('stops a worker that takes too long', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { for (;;); }`), input, { ...options, timeoutMs: 200 });
		expect(r).toMatchObject({
			ok: false,
			problems: [{ file: 'werte.csv', key: 'data.previewTimeout', params: { limit: '200 ms' } }]
		});
	});

	it('stops a worker that runs out of memory', async () => {
		const r = await runInWorker(moduleOf(`export function serveWorker() { const a = []; for (;;) a.push(new Array(1e5).fill(a.length)); }`), input, {
			...options,
			memoryMb: 32
		});
		expect(r).toMatchObject({
			ok: false,
			problems: [{ key: 'data.previewMemory', params: { mb: 32 } }]
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
