// Stage 7 of the pipeline, the Kontore: an exact point where known, otherwise their Stadtteil's
// centre coordinate (the village or quarter centre of the infobox), spread on a small circle where
// several share it, so each stays visible and clickable. A closed Kontor (a `closed` date) keeps its
// row in kontore.csv, and so in every version's history, but is no longer placed or served.
import type { KontorProps } from '../contracts';
import type { KontorCollection } from '../derived';
import { round } from './numbers';
import type { References } from './references';
import type { Sources } from './read';

/** Radius on which Kontore that share one placement point are spread. */
export const KONTOR_SPREAD_M = 600;
/** Metres per degree of latitude, and of longitude at the equator (WGS84, rounded). */
const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LON = 111_320;
const PRECISION_DE = { street: 'die Straße', quarter: 'das Quartier', stadtteil: 'den Stadtteil' } as const;

export function placeKontore(s: Pick<Sources, 'kontore' | 'kontakt'>, refs: Pick<References, 'stadtteilByName' | 'seedById'>): KontorCollection['features'] {
	const active = s.kontore.filter((k) => k.closed === null);
	// Only Kontore without coordinates share their Stadtteil's centre and are spread around it.
	const byStadtteil = new Map<string, Sources['kontore']>();
	for (const k of active) if (k.lat === null) byStadtteil.set(k.stadtteil, [...(byStadtteil.get(k.stadtteil) ?? []), k]);
	return active.map((k) => {
		const st = refs.stadtteilByName.get(k.stadtteil)!;
		let point: [number, number];
		let placement: string;
		if (k.lat !== null && k.lon !== null) {
			point = [k.lon, k.lat];
			placement =
				k.location_precision === 'address'
					? k.address
						? `Adresse ${k.address}`
						: 'Koordinaten laut Quelle'
					: `Koordinaten laut Quelle, genau auf ${PRECISION_DE[k.location_precision]} (ungefähre Lage)`;
		} else {
			const siblings = byStadtteil.get(k.stadtteil)!;
			const { lon, lat } = refs.seedById.get(st.stadtteil_id)!;
			if (siblings.length === 1) {
				point = [lon, lat];
				placement = `Mittelpunkt des Stadtteils ${st.stadtteil} laut Wikipedia (ungefähre Lage)`;
			} else {
				const angle = (2 * Math.PI * siblings.indexOf(k)) / siblings.length;
				point = [
					round(lon + (KONTOR_SPREAD_M * Math.sin(angle)) / (M_PER_DEG_LON * Math.cos((lat * Math.PI) / 180)), 6),
					round(lat + (KONTOR_SPREAD_M * Math.cos(angle)) / M_PER_DEG_LAT, 6)
				];
				placement = `Mittelpunkt des Stadtteils ${st.stadtteil} laut Wikipedia, für die Darstellung ${KONTOR_SPREAD_M} m versetzt, da ${siblings.length} Kontore dort liegen (ungefähre Lage)`;
			}
		}
		const props: KontorProps = {
			id: k.kontor_id,
			name: k.name,
			stadtteil: st.stadtteil_id,
			stadtteilVerified: k.stadtteil_verified,
			// 'address' comes with coordinates: checkReferences refuses it without.
			locationPrecision: k.location_precision,
			knownLocation: k.known_location,
			address: k.address,
			placement,
			contact: s.kontakt.contact,
			tasks: s.kontakt.tasks,
			source: k.source,
			note: k.note || null,
			openingHours: k.opening_hours,
			phone: k.phone,
			email: k.email,
			offers: k.offers,
			opened: k.opened
		};
		return { type: 'Feature', id: k.kontor_id, geometry: { type: 'Point', coordinates: point }, properties: props };
	});
}
