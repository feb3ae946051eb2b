// The worker-thread pool for analyses whose cost grows with their input (catchment scenarios,
// coverage, best next locations): piscina, sized to the machine with room left for the event loop,
// a bounded queue and a time limit per job, so that the cached reads keep being answered while
// analyses run. The workers load poolJobs.ts's built chunk by URL (as previewWorker.ts does); under
// `vite dev` that URL is a TypeScript source file, which a plain Node worker cannot load, so there
// jobs run in-process (also with KONTORATLAS_POOL=off).
//
// Settings (env): KONTORATLAS_POOL_THREADS (default: available cores − 1, at least 1),
// KONTORATLAS_POOL_QUEUE (jobs waiting at most, default 8 per thread), KONTORATLAS_POOL_TIMEOUT_MS
// (from submission, default 30 s), KONTORATLAS_POOL_MEMORY_MB (heap per worker, default 512).
// A full queue, a job over its time (its worker is terminated) and a job that throws or runs out of
// memory (piscina replaces the worker) each fail only their own request, as a PoolError.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { env } from '$env/dynamic/private';
import { ProblemError, type ProblemMessage } from './http';
import type { FacilityReachAnswer, FacilityReachJob, PoolJob, ScenarioAnswer, ScenarioJob, TestJob } from './poolJobs';

export interface PoolSettings {
	threads: number;
	maxQueue: number;
	timeoutMs: number;
	memoryMb: number;
}

/** Scheduling priority of the worker threads below the main thread's (nice(2), via piscina's @napi-rs/nice; ignored where unsupported). */
const WORKER_NICE = 10;

/** Seconds a client is asked to wait after a 503. */
export const RETRY_AFTER_S = 2;

function setting(name: string, fallback: number, min: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
	return n;
}

export function poolSettings(): PoolSettings {
	const threads = setting('KONTORATLAS_POOL_THREADS', Math.max(1, availableParallelism() - 1), 1);
	return {
		threads,
		maxQueue: setting('KONTORATLAS_POOL_QUEUE', 8 * threads, 0),
		timeoutMs: setting('KONTORATLAS_POOL_TIMEOUT_MS', 30_000, 1),
		memoryMb: setting('KONTORATLAS_POOL_MEMORY_MB', 512, 16)
	};
}

/** A job that could not give an answer: a problem response for its request alone (503 with Retry-After, or 500). */
export class PoolError extends ProblemError {
	constructor(
		status: 503 | 500,
		details: ProblemMessage,
		readonly retryAfter: number | null
	) {
		super(status, details);
	}
}

let pool: Piscina | null = null;
let settings: PoolSettings | null = null;
/**
 * Jobs submitted and not yet settled. The bound is kept here rather than by piscina's maxQueue,
 * which counts a cold or busy worker's tasks as pending capacity and so lets the queue grow past it.
 */
let inFlight = 0;

async function jobsModule() {
	return import('./poolJobs');
}

/** Runs `job` in the pool (in-process under vite dev); throws PoolError (catalogue keys, put in the request's language by problemFrom) when it cannot. */
export async function runInPool(job: ScenarioJob): Promise<ScenarioAnswer>;
export async function runInPool(job: FacilityReachJob): Promise<FacilityReachAnswer>;
export async function runInPool(job: TestJob): Promise<null>;
export async function runInPool(job: PoolJob): Promise<ScenarioAnswer | FacilityReachAnswer | null> {
	const mod = await jobsModule();
	// A source file (vite dev): no worker, see above.
	if (env.KONTORATLAS_POOL === 'off' || !/\.m?js$/.test(new URL(mod.MODULE_URL).pathname)) return mod.runJob(job);
	settings ??= poolSettings();
	if (!pool) {
		pool = new Piscina({
			filename: mod.MODULE_URL,
			name: 'runJob',
			minThreads: 1,
			maxThreads: settings.threads,
			resourceLimits: { maxOldGenerationSizeMb: settings.memoryMb },
			// Linux: the workers' threads yield the CPU to the event loop (cached reads) first.
			niceIncrement: WORKER_NICE
		});
		// A crashed worker is replaced by piscina; its error is logged once here.
		pool.on('error', (e: unknown) => console.error('pool: worker failed:', e));
	}
	const { timeoutMs } = settings;
	if (inFlight >= settings.threads + settings.maxQueue) throw busy();
	inFlight++;
	try {
		return await pool.run(job, { signal: AbortSignal.timeout(timeoutMs) });
	} catch (e) {
		throw poolError(e, timeoutMs);
	} finally {
		inFlight--;
	}
}

const busy = () => new PoolError(503, { title: 'pool.busy.title', detail: 'pool.busy.detail', params: { seconds: RETRY_AFTER_S } }, RETRY_AFTER_S);

function poolError(e: unknown, timeoutMs: number): PoolError {
	const error = e as Error & { code?: string };
	// The pool was closed under the job (shutdown) or refused it: the client may try again.
	if (/queue is at limit|no task queue available|pool is closed/i.test(String(error?.message ?? e))) return busy();
	if (error?.name === 'AbortError') {
		const seconds = timeoutMs >= 1000 ? Math.round(timeoutMs / 1000) : timeoutMs / 1000;
		return new PoolError(503, { title: 'pool.timeout.title', detail: 'pool.timeout.detail', params: { seconds } }, RETRY_AFTER_S);
	}
	console.error('pool: job failed:', e);
	const memory = error?.code === 'ERR_WORKER_OUT_OF_MEMORY';
	return new PoolError(500, { title: 'pool.failed.title', detail: memory ? 'pool.memory.detail' : 'pool.failed.detail' }, null);
}

/** Stops the workers (queued and running jobs end as 503); called on the server's shutdown. */
export async function closePool(): Promise<void> {
	const closing = pool;
	pool = null;
	await closing?.destroy();
}

process.on('sveltekit:shutdown', () => void closePool());
