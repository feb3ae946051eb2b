// Whether the served boundaries of the finest level (e.g. districts) are an approximation
// ("Näherung") or official. One pure derivation from the finest level's features: the server calls it on the store (geometryStatus in
// $lib/server/store), pages call it on the features they already hold, so every notice follows an
// import of official boundaries. (The embed takes the notice from the server, so that its
// budgeted bundle carries neither this code nor the partial-import message.) Coarser areas are unions
// of finest ones: they count as approximated while any finest area inside them is.
import { compareNames, type Params } from '$lib/i18n';
import type { GeometryQuality } from './contracts';

interface StadtteilLike {
	properties: { id: string; name: string; parent: string | null; geometryQuality: GeometryQuality };
}

export interface GeometryStatus {
	/** The approximated Stadtteile, in the order of the features; empty once every boundary is official. */
	approximated: { id: string; name: string; parent: string | null; within: string[] }[];
	/** Number of Stadtteile. */
	total: number;
}

/**
 * `parentOf` gives an area's parent at every level, so each approximated area knows every area it
 * lies `within`; without it only the direct parent is known (enough for the notices).
 */
export function geometryStatus(stadtteile: readonly StadtteilLike[], parentOf: (id: string) => string | null = () => null): GeometryStatus {
	const chain = (id: string | null): string[] => (id === null ? [] : [id, ...chain(parentOf(id))]);
	return {
		approximated: stadtteile
			.filter((f) => f.properties.geometryQuality === 'approximated')
			.map(({ properties: { id, name, parent } }) => ({ id, name, parent, within: chain(parent) })),
		total: stadtteile.length
	};
}

/** A finest area by its own boundary; a coarser one (up to the city) by the finest areas within it. */
export function isApproximated(status: GeometryStatus, area: { id: string }): boolean {
	return status.approximated.some((a) => a.id === area.id || a.within.includes(area.id));
}

/** Names of the approximated Stadtteile, sorted, for the notice after a partial import. */
export function approximatedNames(status: GeometryStatus): string {
	return status.approximated
		.map((a) => a.name)
		.sort(compareNames)
		.join(', ');
}

export interface ApproximationNotice {
	/** Short: the whole notice when every Stadtteil is approximated, else how many are. */
	text: string;
	/** Longer explanation; after a partial import it names the approximated Stadtteile. */
	detail: string;
}

/**
 * The notice in the translator's language, or null when every boundary is official. After a
 * partial import it counts the approximated Stadtteile and names them in the detail.
 */
export function approximationNotice(
	status: GeometryStatus,
	t: (key: 'map.approximated' | 'map.approximated.detail' | 'map.approximated.partial', params?: Params) => string
): ApproximationNotice | null {
	const n = status.approximated.length;
	if (!n) return null;
	if (n === status.total) return { text: t('map.approximated'), detail: t('map.approximated.detail') };
	const text = t('map.approximated.partial', { n, total: status.total });
	return { text, detail: `${text}: ${approximatedNames(status)}` };
}
