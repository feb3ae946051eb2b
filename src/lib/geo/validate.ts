// RFC 7946 checks of one geometry, reported as DataProblems so a broken input can be fixed
// without guessing: which ring, which position, what is wrong.
import type { DataProblem } from '$lib/data/problems';
import type { Params } from '$lib/i18n';
import type { ImporterKey } from '$lib/i18n/importer';
import { firstKink } from './kinks';

const TYPES = ['Point', 'Polygon', 'MultiPolygon'];

export function validateGeometry(geometry: unknown, where: { file: string; feature: string | number }): DataProblem[] {
	const problems: DataProblem[] = [];
	const report: Report = (field, reason, value, severity) =>
		problems.push({ file: where.file, feature: where.feature, field, ...reason, ...(value === undefined ? {} : { value }), ...(severity ? { severity } : {}) });

	if (typeof geometry !== 'object' || geometry === null) {
		report('geometry', { key: 'data.geometryMissing' }, geometry);
		return problems;
	}
	const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
	if (typeof type !== 'string' || !TYPES.includes(type)) {
		report('geometry.type', { key: 'data.geometryType', params: { type: String(JSON.stringify(type)), expected: TYPES.join(', ') } }, type);
		return problems;
	}
	if (type === 'Point') {
		checkPosition(coordinates, 'geometry.coordinates', report);
		return problems;
	}
	const polygons = type === 'Polygon' ? [coordinates] : coordinates;
	if (!Array.isArray(polygons)) {
		report('geometry.coordinates', { key: 'data.coordinatesNotArray' }, coordinates);
		return problems;
	}
	polygons.forEach((rings, p) => {
		const base = type === 'Polygon' ? 'geometry.coordinates' : `geometry.coordinates[${p}]`;
		if (!Array.isArray(rings) || rings.length === 0) {
			report(base, { key: 'data.noExteriorRing' }, rings);
			return;
		}
		let ringsOk = true;
		rings.forEach((ring: unknown, r: number) => {
			if (!checkRing(ring, r, `${base}[${r}]`, report)) ringsOk = false;
		});
		if (ringsOk) checkKinks(rings as number[][][], base, report);
	});
	return problems;
}

type Report = (field: string, reason: { key: ImporterKey; params?: Params }, value?: unknown, severity?: 'warning') => void;

function checkPosition(pos: unknown, field: string, report: Report): boolean {
	if (!Array.isArray(pos) || pos.length < 2) {
		report(field, { key: 'data.positionShort' }, pos);
		return false;
	}
	if (!pos.every((v) => typeof v === 'number' && Number.isFinite(v))) {
		report(field, { key: 'data.positionNotFinite', params: { position: fmt(pos) } }, pos);
		return false;
	}
	let ok = true;
	if (pos[0] < -180 || pos[0] > 180) {
		report(field, { key: 'data.longitudeRange', params: { x: pos[0] } }, pos);
		ok = false;
	}
	if (pos[1] < -90 || pos[1] > 90) {
		report(field, { key: 'data.latitudeRange', params: { y: pos[1] } }, pos);
		ok = false;
	}
	return ok;
}

/** Checks one ring; returns whether it is sound enough for the self-intersection test. */
function checkRing(ring: unknown, r: number, field: string, report: Report): boolean {
	if (!Array.isArray(ring)) {
		report(field, { key: 'data.ringNotArray', params: { r } }, ring);
		return false;
	}
	let ok = true;
	ring.forEach((pos: unknown, k: number) => {
		if (!checkPosition(pos, `${field}[${k}]`, report)) ok = false;
	});
	if (!ok) return false;
	const pts = ring as number[][];
	if (pts.length < 4) {
		report(field, { key: 'data.ringShort', params: { r, n: pts.length } }, pts.length);
		return false;
	}
	const first = pts[0];
	const last = pts[pts.length - 1];
	if (first[0] !== last[0] || first[1] !== last[1]) {
		report(field, { key: 'data.ringOpen', params: { r, first: fmt(first), last: fmt(last) } });
		ok = false;
	}
	for (let k = 0; k + 1 < pts.length; k++) {
		if (pts[k][0] === pts[k + 1][0] && pts[k][1] === pts[k + 1][1]) {
			report(field, { key: 'data.ringRepeats', params: { r, position: fmt(pts[k]), k, next: k + 1 } });
			ok = false;
			break;
		}
	}
	// Right-hand rule (RFC 7946 §3.1.6): exteriors counter-clockwise, holes clockwise. The RFC asks
	// parsers not to reject the other winding, so this is a warning: the pipeline rewinds such rings.
	const signedArea = shoelace(pts);
	if (r === 0 && signedArea < 0) report(field, { key: 'data.exteriorClockwise' }, undefined, 'warning');
	if (r > 0 && signedArea > 0) report(field, { key: 'data.holeCounterClockwise', params: { r } }, undefined, 'warning');
	return ok;
}

function checkKinks(rings: number[][][], field: string, report: Report): void {
	const found = firstKink(rings);
	if (found) report(field, { key: 'data.selfIntersection', params: { at: fmt(found.at), n: found.n } }, found.at);
}

function shoelace(ring: readonly number[][]): number {
	let s = 0;
	for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
	return s / 2;
}

const fmt = (p: readonly unknown[]) => `[${p.map((v) => String(v)).join(', ')}]`;
