// Stage 7 of the pipeline, the Kontore: an exact point where known, otherwise their area's centre
// coordinate (the seed point, e.g. the village or quarter centre of an infobox), spread on a small circle where
// several share it, so each stays visible and clickable. A closed Kontor (a `closed` date) keeps its
// row in kontore.csv, and so in every version's history, but is no longer placed or served.
import type { KontorProps } from '../contracts';
import type { AreaFeature, KontorCollection } from '../derived';
import { round } from './numbers';
import type { References } from './references';
import type { Sources } from './read';

/** Radius on which Kontore that share one placement point are spread. */
export const KONTOR_SPREAD_M = 600;
/** Metres per degree of latitude, and of longitude at the equator (WGS84, rounded). */
const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LON = 111_320;
const PRECISION_DE = { street: 'die Straße', quarter: 'das Quartier', area: 'das Gebiet' } as const;

export function placeKontore(
	s: Pick<Sources, 'kontore' | 'kontakt' | 'profile'>,
	refs: Pick<References, 'finestById' | 'finestByName' | 'seedById'>,
	finest: AreaFeature[]
): KontorCollection['features'] {
	const active = s.kontore.filter((k) => k.closed === null);
	const areaOf = (k: Sources['kontore'][number]) => (refs.finestByName.get(k.stadtteil) ?? refs.finestById.get(k.stadtteil))!.row;
	// Only Kontore without coordinates share their area's centre and are spread around it.
	const byArea = new Map<string, Sources['kontore']>();
	for (const k of active) if (k.lat === null) byArea.set(areaOf(k).id, [...(byArea.get(areaOf(k).id) ?? []), k]);
	const offices = s.profile.office.de.plural;
	return active.map((k) => {
		const area = areaOf(k);
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
			const siblings = byArea.get(area.id)!;
			// The centre the source gives, else (official boundaries without seeds) the area's label point.
			const seed = refs.seedById.get(area.id);
			const [lon, lat] = seed ? [seed.lon, seed.lat] : finest.find((f) => f.properties.id === area.id)!.properties.labelPoint;
			const centre = seed ? `Mittelpunkt von ${area.name} laut Quelle` : `Innenpunkt von ${area.name}`;
			if (siblings.length === 1) {
				point = [lon, lat];
				placement = `${centre} (ungefähre Lage)`;
			} else {
				const angle = (2 * Math.PI * siblings.indexOf(k)) / siblings.length;
				point = [
					round(lon + (KONTOR_SPREAD_M * Math.sin(angle)) / (M_PER_DEG_LON * Math.cos((lat * Math.PI) / 180)), 6),
					round(lat + (KONTOR_SPREAD_M * Math.cos(angle)) / M_PER_DEG_LAT, 6)
				];
				placement = `${centre}, für die Darstellung ${KONTOR_SPREAD_M} m versetzt, da ${siblings.length} ${offices} dort liegen (ungefähre Lage)`;
			}
		}
		const props: KontorProps = {
			id: k.kontor_id,
			name: k.name,
			area: area.id,
			areaVerified: k.stadtteil_verified,
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
