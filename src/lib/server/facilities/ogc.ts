// The facility register as an OGC API collection: flat, typed attributes (German field names like
// the other collections; lists joined with ", ") that desktop GIS read as columns.
import type { FacilityFeature } from '$lib/facilities/contracts';
import { translator, type Locale } from '$lib/i18n';
import { facilities } from '$lib/i18n/facilities';
import type { FlatFeature, PropertyDef } from '../ogc/properties';
import type { Store } from '../store';

export const FACILITY_PROPERTIES: PropertyDef[] = [
	{ name: 'id', title: 'Kennung', type: 'string' },
	{ name: 'name', title: 'Name', type: 'string' },
	{ name: 'typen', title: 'Typen (Kennungen)', type: 'string' },
	{ name: 'typ_namen', title: 'Typen', type: 'string' },
	{ name: 'adresse', title: 'Adresse', type: 'string' },
	{ name: 'gebiet', title: 'Gebiet (Kennung)', type: 'string' },
	{ name: 'lage_genauigkeit', title: 'Genauigkeit der Lage (address, street, quarter, area)', type: 'string' },
	{ name: 'kapazitaet', title: 'Kapazität (Plätze)', type: 'integer' },
	{ name: 'kapazitaet_zielgruppe', title: 'Zielgruppe der Kapazität', type: 'string' },
	{ name: 'oeffnungszeiten', title: 'Öffnungszeiten', type: 'string' },
	{ name: 'netzwerkpartner_von', title: 'Netzwerkpartner der Kontore (Kennungen)', type: 'string' },
	{ name: 'quelle', title: 'Quelle', type: 'string' },
	{ name: 'stand', title: 'Stand', type: 'string' },
	{ name: 'beispieldaten', title: 'Beispieldaten (synthetisch)', type: 'boolean', beispieldaten: true }
];

export function facilityFeature(store: Store, f: FacilityFeature): FlatFeature {
	const p = f.properties;
	const labels = new Map(store.derived.facilityTypes.map((t) => [t.id, t.label.de]));
	return {
		type: 'Feature',
		id: p.id,
		geometry: f.geometry,
		properties: {
			id: p.id,
			name: p.name,
			typen: p.types.join(', '),
			typ_namen: p.types.map((t) => labels.get(t) ?? t).join(', '),
			adresse: p.address,
			gebiet: p.area,
			lage_genauigkeit: p.locationPrecision,
			kapazitaet: p.capacity,
			kapazitaet_zielgruppe: p.capacityTarget,
			oeffnungszeiten: p.openingHours,
			netzwerkpartner_von: p.partnerOf.join(', ') || null,
			quelle: p.source,
			stand: p.asOf,
			beispieldaten: p.beispieldaten
		}
	};
}

export const facilityCollectionTitle = (locale: Locale) => translator(locale, facilities)('fac.ogc.title');

export function facilityCollectionText(store: Store, locale: Locale): string {
	const t = translator(locale, facilities);
	const all = store.derived.facilities.features;
	const text = t('fac.ogc.text', { count: all.length, types: store.derived.facilityTypes.length });
	return all.some((f) => f.properties.beispieldaten) ? `${text} ${t('fac.beispieldaten')}.` : text;
}
