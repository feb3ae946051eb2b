// The route tree as the crawler sees it: every page (+page.svelte) and endpoint (+server.ts) under
// src/routes, its URL pattern, its path parameters, and the query parameters its own files read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Route {
	/** `/api/areas/[id]`: groups `(…)` left out, parameters as written. */
	pattern: string;
	kind: 'page' | 'endpoint';
	/** Query parameters read with `searchParams.get|getAll|has('…')` in the route's own files. */
	query: string[];
	/** The route's own source files, relative to the repository. */
	files: string[];
	/** HTTP methods an endpoint exports besides GET (a page: none). */
	writes: string[];
}

const ROUTES = 'src/routes';
const OWN_FILES = ['+page.svelte', '+page.ts', '+page.server.ts', '+server.ts', '+layout.server.ts', '+layout.ts'];

export function walkRoutes(root = ROUTES): Route[] {
	const routes: Route[] = [];
	const dirs = [
		root,
		...readdirSync(root, { recursive: true, withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => join(e.parentPath, e.name))
	];
	for (const dir of dirs) {
		const page = existsSync(join(dir, '+page.svelte'));
		const endpoint = existsSync(join(dir, '+server.ts'));
		if (!page && !endpoint) continue;
		const segments = relative(root, dir)
			.split(/[\\/]/)
			.filter((s) => s !== '' && !/^\(.*\)$/.test(s));
		const files = OWN_FILES.map((f) => join(dir, f)).filter((f) => existsSync(f));
		const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
		const query = [...new Set([...source.matchAll(/searchParams\.(?:get|getAll|has)\(\s*'([^']+)'/g)].map((m) => m[1]))].sort();
		const server = endpoint ? readFileSync(join(dir, '+server.ts'), 'utf8') : '';
		const writes = [...server.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
		routes.push({ pattern: '/' + segments.join('/'), kind: page ? 'page' : 'endpoint', query, files, writes });
	}
	return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The parameters of a pattern in order: `[id]`, `[[optional]]`, `[...rest]`, `[id=matcher]`. */
export function paramsOf(pattern: string): string[] {
	return [...pattern.matchAll(/\[{1,2}(?:\.\.\.)?([A-Za-z_]\w*)(?:=\w+)?\]{1,2}/g)].map((m) => m[1]);
}

/**
 * Every URL of a pattern, each parameter filled by `fill(name, segmentBefore, bound)` (null: this
 * crawler cannot fill it). Parameters fill from left to right, so a later one may depend on an
 * earlier one (an OGC item on its collection, an area id on its level).
 */
export function expand(
	pattern: string,
	fill: (name: string, before: string, bound: Record<string, string>) => string[] | null
): { urls: { path: string; params: Record<string, string> }[]; unfilled: string | null } {
	const segments = pattern.split('/').slice(1);
	let partial: { path: string; params: Record<string, string> }[] = [{ path: '', params: {} }];
	for (const [i, segment] of segments.entries()) {
		const m = /^\[{1,2}(?:\.\.\.)?([A-Za-z_]\w*)(?:=\w+)?\]{1,2}$/.exec(segment);
		if (!m) {
			partial = partial.map((p) => ({ ...p, path: `${p.path}/${segment}` }));
			continue;
		}
		const next: typeof partial = [];
		for (const p of partial) {
			const values = fill(m[1], segments[i - 1] ?? '', p.params);
			if (values === null) return { urls: [], unfilled: m[1] };
			for (const v of values) next.push({ path: `${p.path}/${encodeURIComponent(v)}`, params: { ...p.params, [m[1]]: v } });
		}
		partial = next;
	}
	return { urls: partial.map((p) => ({ ...p, path: p.path || '/' })), unfilled: null };
}
