// Whether the served Stadtteil boundaries are an approximation ("Näherung") or official. One pure
// derivation from the Stadtteil features: the server calls it on the store (geometryStatus in
// $lib/server/store), pages call it on the features they already hold, so every notice follows an
// import of official boundaries. (The embed takes the notice from the server, so that its
// budgeted bundle carries neither this code nor the partial-import message.) Ortschaften and the city are unions of Stadtteile: they count as
// approximated while any of their Stadtteile is.
import { compareNames, type Params } from '$lib/i18n';
import type { GeometryQuality } from './contracts';

interface StadtteilLike {
	properties: { id: string; name: string; parent: string | null; geometryQuality: GeometryQuality };
}

export interface GeometryStatus {
	/** The approximated Stadtteile, in the order of the features; empty once every boundary is official. */
	approximated: { id: string; name: string; parent: string | null }[];
	/** Number of Stadtteile. */
	total: number;
}

export function geometryStatus(stadtteile: readonly StadtteilLike[]): GeometryStatus {
	return {
		approximated: stadtteile
			.filter((f) => f.properties.geometryQuality === 'approximated')
			.map(({ properties: { id, name, parent } }) => ({ id, name, parent })),
		total: stadtteile.length
	};
}

/** A Stadtteil by its own boundary; an Ortschaft by its Stadtteile; the city by all of them. */
export function isApproximated(status: GeometryStatus, area: { id: string; level: string }): boolean {
	return status.approximated.some((a) => area.level === 'stadt' || (area.level === 'stadtteil' ? a.id : a.parent) === area.id);
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
