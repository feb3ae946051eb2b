// URL state of the page /erreichbarkeit: parse (invalid values fall back to defaults, each with a
// notice) and serialise (defaults are left out, so a plain URL is the plain page).
import { DEFAULT_DISTANCES, type KontorSite } from '$lib/geo/catchments';
import { checkDistances, checkMode, checkPoint, checkPoints, type CatchmentMode } from './catchmentParams';

export interface CatchmentView {
	mode: CatchmentMode;
	distances: number[];
	/** Rings dissolved over all Kontore, or drawn per Kontor. */
	view: 'any' | 'each';
	/** The distance for the uncovered areas and the best next location; one of `distances`. */
	reach: number;
	/** Hypothetical Kontore (lon, lat). */
	add: [number, number][];
	/** Existing Kontore moved elsewhere. */
	move: Record<string, [number, number]>;
	remove: string[];
	/** The Kontor whose card is open. */
	kontor: string | null;
}

export interface ViewContext {
	kontorIds: string[];
	inside: (p: [number, number]) => boolean;
}

export function defaultView(): CatchmentView {
	return { mode: 'rings', distances: [...DEFAULT_DISTANCES], view: 'any', reach: 1000, add: [], move: {}, remove: [], kontor: null };
}

export function parseCatchmentView(params: URLSearchParams, ctx: ViewContext): { view: CatchmentView; notices: string[] } {
	const view = defaultView();
	const notices: string[] = [];
	const take = <T>(name: string, checked: { ok: true; value: T } | { ok: false; error: string }, set: (v: T) => void) => {
		if (checked.ok) set(checked.value);
		else notices.push(`${name}: ${checked.error}`);
	};
	take('mode', checkMode(params.get('mode')), (v) => (view.mode = v));
	take('distances', checkDistances(params.get('distances')), (v) => (view.distances = v));
	const rawView = params.get('view');
	if (rawView === 'any' || rawView === 'each') view.view = rawView;
	else if (rawView !== null) notices.push('view: must be any or each');
	view.reach = view.distances.includes(1000) ? 1000 : view.distances[view.distances.length - 1];
	const rawReach = params.get('reach');
	if (rawReach !== null) {
		if (view.distances.includes(Number(rawReach))) view.reach = Number(rawReach);
		else notices.push(`reach: ${rawReach} is not one of the distances`);
	}
	take('add', checkPoints(params.get('add'), ctx.inside), (v) => (view.add = v));
	for (const item of (params.get('move') ?? '').split(';').filter(Boolean)) {
		const [id, point] = item.split(':');
		if (!ctx.kontorIds.includes(id)) {
			notices.push(`move: unknown Kontor "${id}"`);
			continue;
		}
		take('move', checkPoint(point ?? '', ctx.inside), (v) => (view.move[id] = v));
	}
	for (const id of (params.get('remove') ?? '').split(',').filter(Boolean)) {
		if (ctx.kontorIds.includes(id)) view.remove.push(id);
		else notices.push(`remove: unknown Kontor "${id}"`);
	}
	const kontor = params.get('kontor');
	if (kontor !== null) {
		if (ctx.kontorIds.includes(kontor) || /^neu-\d+$/.test(kontor)) view.kontor = kontor;
		else notices.push(`kontor: unknown Kontor "${kontor}"`);
	}
	return { view, notices };
}

export function serializeCatchmentView(view: CatchmentView, extra: Record<string, string> = {}): string {
	const d = defaultView();
	const p = new URLSearchParams();
	if (view.mode !== d.mode) p.set('mode', view.mode);
	if (view.distances.join() !== d.distances.join()) p.set('distances', view.distances.join(','));
	if (view.view !== d.view) p.set('view', view.view);
	const defaultReach = view.distances.includes(1000) ? 1000 : view.distances[view.distances.length - 1];
	if (view.reach !== defaultReach) p.set('reach', String(view.reach));
	if (view.add.length) p.set('add', view.add.map((q) => q.join(',')).join(';'));
	const moved = Object.entries(view.move);
	if (moved.length) p.set('move', moved.map(([id, q]) => `${id}:${q.join(',')}`).join(';'));
	if (view.remove.length) p.set('remove', view.remove.join(','));
	if (view.kontor) p.set('kontor', view.kontor);
	for (const [k, v] of Object.entries(extra)) p.set(k, v);
	const s = p.toString().replaceAll('%2C', ',').replaceAll('%3B', ';').replaceAll('%3A', ':');
	return s ? `?${s}` : '';
}

/** The Kontore of the scenario: the real ones, minus removed, moved where moved, plus hypothetical ones. */
export function scenarioSites(base: KontorSite[], view: CatchmentView, hypotheticalName: (n: number) => string): KontorSite[] {
	return [
		...base.filter((k) => !view.remove.includes(k.id)).map((k) => (view.move[k.id] ? { ...k, lonLat: view.move[k.id] } : k)),
		...view.add.map((lonLat, i) => ({ id: `neu-${i + 1}`, name: hypotheticalName(i + 1), lonLat, hypothetical: true }))
	];
}

export const isWhatIf = (view: CatchmentView) => view.add.length > 0 || view.remove.length > 0 || Object.keys(view.move).length > 0;
