// Test servers only (KONTORATLAS_TEST_POOL_JOBS=1, like server.js's KONTORATLAS_TEST_CACHE_STATS):
// submits a job that misbehaves on purpose (?job=throw|exit|sleep|oom, &ms= for sleep) to the
// analysis pool, so tests can show that it fails only its own request. Not found otherwise.
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { apiGet } from '$lib/server/endpoint';
import { runInPool } from '$lib/server/pool';

const ACTIONS = ['throw', 'exit', 'sleep', 'oom'] as const;

export const GET = apiGet(async ({ url }) => {
	const action = ACTIONS.find((a) => a === url.searchParams.get('job'));
	if (env.KONTORATLAS_TEST_POOL_JOBS !== '1' || !action) error(404, 'Not found');
	await runInPool({ kind: 'test', action, ms: Number(url.searchParams.get('ms') ?? 1000) });
	return new Response('done', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
});
