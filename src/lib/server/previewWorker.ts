// Runs the preview computation (previewCompute.ts) in a worker thread, so parsing and the
// pipeline (seconds for a large upload) never block the event loop: the public pages and API keep
// answering meanwhile. The worker is a small inline bootstrap that imports the module's own built
// chunk by URL (adapter-node's build/server/chunks/…), so no extra build entry is needed. Under
// `vite dev` that URL is a TypeScript source file, which plain Node cannot load in a worker: there
// the computation runs in-process, as it also does with KONTORATLAS_PREVIEW_WORKER=off.
//
// Each preview gets a fresh worker, which ends with it; what the pipeline remembers between runs
// (the cells, see cellsMemo.ts) is kept in this thread and handed to each worker and back.
//
// A worker that crashes, runs out of memory or exceeds KONTORATLAS_PREVIEW_TIMEOUT_MS (default
// 120 s) is stopped and becomes one clear problem; nothing is written either way.
import { Worker } from 'node:worker_threads';
import { uploadName } from '$lib/import/plan';
import type { DataReason } from '$lib/data/problems';
import type { PreviewInput, PreviewOutput, WorkerAnswer, WorkerTask } from './previewCompute';

export interface RunOptions {
	timeoutMs: number;
	/** Heap limit of the worker in MB (its resourceLimits.maxOldGenerationSizeMb). */
	memoryMb: number;
	/** Run in the calling thread instead (development, or when switched off). */
	inProcess?: boolean;
}

const failed = (input: PreviewInput, reason: DataReason): PreviewOutput => ({ ok: false, problems: [{ file: uploadName(input.name), ...reason }] });

export async function runPreview(input: PreviewInput, options: RunOptions): Promise<PreviewOutput> {
	const mod = await import('./previewCompute');
	// A source file (vite dev, tests): no worker, see above.
	const inProcess = options.inProcess || !/\.m?js$/.test(new URL(mod.MODULE_URL).pathname) || typeof mod.serveWorker !== 'function';
	console.log(`import: preview of ${uploadName(input.name)} started (${input.kind}, ${inProcess ? 'in-process' : 'worker thread'})`);
	const remembered = new Set(mod.cellsMemo().map((e) => e.key));
	let out: PreviewOutput;
	if (inProcess) out = mod.computePreview(await mod.prepareInput(input));
	else {
		const answer = await runInWorker(mod.MODULE_URL, { input, cells: mod.cellsMemo() }, options);
		mod.restoreCellsMemo(answer.cells);
		out = answer.output;
	}
	// A key new to the memo: the pipeline's geometry stage ran (the first preview, or new geometry inputs).
	if (mod.cellsMemo().some((e) => !remembered.has(e.key)))
		console.log(`import: preview of ${uploadName(input.name)} computed the cells (geometry inputs not remembered)`);
	console.log(`import: preview of ${uploadName(input.name)} finished (${out.ok ? 'ready to confirm' : `${out.problems.length} problem(s)`})`);
	return out;
}

/**
 * `moduleUrl` must export `serveWorker()`, which posts one WorkerAnswer for `workerData` (the task).
 * A worker that gives no answer leaves the remembered cells as they were.
 */
export function runInWorker(moduleUrl: string, task: WorkerTask, options: RunOptions): Promise<WorkerAnswer> {
	const { input } = task;
	return new Promise((resolve) => {
		let settled = false;
		const worker = new Worker(`import(${JSON.stringify(moduleUrl)}).then((m) => m.serveWorker());`, {
			eval: true,
			workerData: task,
			resourceLimits: { maxOldGenerationSizeMb: options.memoryMb }
		});
		const finish = (output: PreviewOutput, cells = task.cells) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			void worker.terminate();
			resolve({ output, cells });
		};
		const limit = options.timeoutMs >= 1000 ? `${Math.round(options.timeoutMs / 1000)} s` : `${options.timeoutMs} ms`;
		const timer = setTimeout(() => finish(failed(input, { key: 'data.previewTimeout', params: { limit } })), options.timeoutMs);
		worker.once('message', (answer: WorkerAnswer) => finish(answer.output, answer.cells));
		worker.once('error', (e: Error & { code?: string }) => {
			console.error('import: preview worker failed:', e);
			finish(
				failed(
					input,
					e.code === 'ERR_WORKER_OUT_OF_MEMORY'
						? { key: 'data.previewMemory', params: { mb: options.memoryMb } }
						: { key: 'data.previewFailed', params: { error: String(e.message).slice(0, 200) } }
				)
			);
		});
		worker.once('exit', (code) => finish(failed(input, { key: 'data.previewExit', params: { code } })));
	});
}
