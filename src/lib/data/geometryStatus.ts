// Whether the served Stadtteil boundaries are an approximation ("Näherung") or official. One pure
// derivation from the Stadtteil features: the server calls it on the store (geometryStatus in
// $lib/server/store), pages call it on the features they already hold, so every notice follows an
// import of official boundaries. Ortschaften and the city are unions of Stadtteile: they count as
// approximated while any of their Stadtteile is.
import { fill, type MessageKey } from '$lib/state/i18n';
import type { GeometryQuality } from './contracts';

interface StadtteilLike {
	properties: { id: string; name: string; parent: string | null; geometryQuality: GeometryQuality };
}

export interface GeometryStatus {
	/** Some Stadtteil boundary is approximated: a notice is due. */
	approximated: boolean;
	/** Ids of the approximated Stadtteile, in the order of the features. */
	approximatedIds: string[];
	/** Their names, sorted (for the notice's detail). */
	approximatedNames: string[];
	/** Ortschaften (parents) with at least one approximated Stadtteil. */
	approximatedParents: string[];
	/** Number of Stadtteile. */
	total: number;
}

export function geometryStatus(stadtteile: readonly StadtteilLike[]): GeometryStatus {
	const approx = stadtteile.filter((f) => f.properties.geometryQuality === 'approximated').map((f) => f.properties);
	return {
		approximated: approx.length > 0,
		approximatedIds: approx.map((p) => p.id),
		approximatedNames: approx.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'de')),
		approximatedParents: [...new Set(approx.flatMap((p) => (p.parent ? [p.parent] : [])))],
		total: stadtteile.length
	};
}

/** A Stadtteil by its own boundary; an Ortschaft by its Stadtteile; the city by all of them. */
export function isApproximated(status: GeometryStatus, area: { id: string; level: string }): boolean {
	if (area.level === 'stadtteil') return status.approximatedIds.includes(area.id);
	if (area.level === 'ortschaft') return status.approximatedParents.includes(area.id);
	return status.approximated;
}

export interface ApproximationNotice {
	/** Short: the whole notice when every Stadtteil is approximated, else how many are. */
	text: string;
	/** Longer explanation, naming the approximated Stadtteile after a partial import. */
	detail: string;
}

/**
 * The notice in the translator's language, or null when every boundary is official. After a
 * partial import it counts the approximated Stadtteile and names them in the detail.
 */
export function approximationNotice(status: GeometryStatus, t: (key: MessageKey) => string): ApproximationNotice | null {
	if (!status.approximated) return null;
	if (status.approximatedIds.length === status.total) return { text: t('map.approximated'), detail: t('map.approximated.detail') };
	const values = { n: status.approximatedIds.length, total: status.total, names: status.approximatedNames.join(', ') };
	return { text: fill(t('map.approximated.partial'), values), detail: fill(t('map.approximated.partialDetail'), values) };
}
