// The items query of OGC API Features Part 1: `limit`, `offset`, `bbox` (CRS84) and `datetime`,
// validated with OGC exceptions, and one page of features with numberMatched/numberReturned and
// self/alternate/next/prev links.
import { bboxPolygon } from '@turf/bbox-polygon';
import { booleanIntersects } from '@turf/boolean-intersects';
import type { FlatFeature } from './properties';
import { clip, invalidParameter } from './exception';

export const LIMIT_DEFAULT = 10;
export const LIMIT_MAX = 1000;
// `lang` picks the language of exceptions (and is no filter).
const KNOWN = new Set(['f', 'lang', 'limit', 'offset', 'bbox', 'datetime']);

export interface ItemsQuery {
	limit: number;
	offset: number;
	/** [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
	bbox: [number, number, number, number] | null;
}

function integer(raw: string, parameter: string, min: number, max: number): number {
	if (!/^\d+$/.test(raw)) throw invalidParameter(parameter, 'ogc.integer', { min, max, raw: clip(raw) });
	const n = Number(raw);
	if (n < min || n > max) throw invalidParameter(parameter, 'ogc.integer', { min, max, raw: clip(raw) });
	return n;
}

export function parseBbox(raw: string): [number, number, number, number] {
	const parts = raw.split(',');
	const nums = parts.map((s) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s) ? Number(s) : NaN));
	if (![4, 6].includes(parts.length) || nums.some((n) => !Number.isFinite(n))) {
		throw invalidParameter('bbox', 'ogc.bbox', { raw: clip(raw) });
	}
	const [minLon, minLat, , maxLon, maxLat] = nums.length === 6 ? nums : [nums[0], nums[1], 0, nums[2], nums[3]];
	if ([minLon, maxLon].some((x) => x < -180 || x > 180)) throw invalidParameter('bbox', 'ogc.bboxLongitude');
	if ([minLat, maxLat].some((y) => y < -90 || y > 90)) throw invalidParameter('bbox', 'ogc.bboxLatitude');
	if (minLat > maxLat) throw invalidParameter('bbox', 'ogc.bboxOrder');
	return [minLon, minLat, maxLon, maxLat];
}

/** Core allows only RFC 3339 instants or intervals ("../2020-01-01T00:00:00Z" and the like). */
function checkDatetime(raw: string): void {
	const instant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;
	const ok = raw.split('/').every((p, _, all) => instant.test(p) || (all.length === 2 && (p === '..' || p === '')));
	if (!ok || raw.split('/').length > 2) throw invalidParameter('datetime', 'ogc.datetime', { raw: clip(raw) });
}

export function parseItemsQuery(params: URLSearchParams): ItemsQuery {
	for (const key of params.keys()) {
		if (!KNOWN.has(key)) throw invalidParameter(key, 'ogc.unknownParameter', { allowed: [...KNOWN].join(', ') });
	}
	for (const key of KNOWN) {
		if (params.getAll(key).length > 1) throw invalidParameter(key, 'ogc.repeated');
	}
	const limit = params.get('limit');
	const offset = params.get('offset');
	const box = params.get('bbox');
	const datetime = params.get('datetime');
	if (datetime !== null) checkDatetime(datetime);
	return {
		limit: limit === null ? LIMIT_DEFAULT : integer(limit, 'limit', 1, LIMIT_MAX),
		offset: offset === null ? 0 : integer(offset, 'offset', 0, 1_000_000),
		bbox: box === null ? null : parseBbox(box)
	};
}

function boxesIntersect(a: number[], b: [number, number, number, number]): boolean {
	const latOk = a[1] <= b[3] && a[3] >= b[1];
	if (!latOk) return false;
	if (b[0] <= b[2]) return a[0] <= b[2] && a[2] >= b[0];
	return a[2] >= b[0] || a[0] <= b[2];
}

/** Features whose geometry intersects the box (exact test after the bbox pre-filter). */
export function filterByBbox(features: FlatFeature[], boxes: number[][], box: ItemsQuery['bbox']): FlatFeature[] {
	if (!box) return features;
	// A box across the antimeridian is tested as its two halves.
	const halves: [number, number, number, number][] =
		box[0] <= box[2]
			? [box]
			: [
					[box[0], box[1], 180, box[3]],
					[-180, box[1], box[2], box[3]]
				];
	const polygons = halves.map((h) => bboxPolygon(h));
	return features.filter((f, i) => boxesIntersect(boxes[i], box) && polygons.some((p) => booleanIntersects(f, p)));
}

export interface Link {
	href: string;
	rel: string;
	type: string;
	title: string;
}

export interface Page {
	features: FlatFeature[];
	numberMatched: number;
	numberReturned: number;
	/** Offsets of the neighbouring pages, null at the edges. */
	next: number | null;
	prev: number | null;
}

/**
 * One page of the matched features. `next` exists while features follow; `prev` exists when the
 * page does not start at the first feature, and never points past the end: from an offset beyond
 * the last feature it leads back to the last full page.
 */
export function paginate(matched: FlatFeature[], q: Pick<ItemsQuery, 'limit' | 'offset'>): Page {
	return pageOf(matched.slice(q.offset, q.offset + q.limit), matched.length, q);
}

/** The page of `features` (already cut at the offset) out of `numberMatched`: the same links whoever matched them. */
export function pageOf(features: FlatFeature[], numberMatched: number, q: Pick<ItemsQuery, 'limit' | 'offset'>): Page {
	const end = q.offset + features.length;
	return {
		features,
		numberMatched,
		numberReturned: features.length,
		next: end < numberMatched ? end : null,
		prev: q.offset > 0 && numberMatched > 0 ? Math.max(0, Math.min(q.offset, numberMatched) - q.limit) : null
	};
}

/** The URL of another page: same query, other offset (dropped when 0), chosen format. */
export function pageUrl(itemsUrl: string, params: URLSearchParams, offset: number, f: 'json' | 'html'): string {
	const q = new URLSearchParams(params);
	q.delete('offset');
	q.delete('f');
	if (offset > 0) q.set('offset', String(offset));
	q.set('f', f);
	return `${itemsUrl}?${q}`;
}
