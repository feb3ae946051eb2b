// Flat feature properties for desktop GIS: German names with underscores (no dots or hyphens, which
// QGIS and shapefile/GeoPackage writers handle badly), and the latest value of every indicator.
import type { Feature, Geometry } from 'geojson';
import type { GeometryQuality } from '$lib/data/contracts';
import { isApproximated } from '$lib/data/geometryStatus';
import type { AreaFeature, KontorFeature } from '$lib/data/derived';
import { valueFor } from '../api';
import { geometryStatus, type Store } from '../store';
import type { Locale } from '$lib/i18n';
import { ogcTexts } from '$lib/i18n/ogc';

export type PropertyType = 'string' | 'number' | 'integer' | 'boolean';

export interface PropertyDef {
	name: string;
	title: string;
	type: PropertyType;
	unit?: string;
	/** True for synthetic example values ("Beispieldaten"). */
	beispieldaten?: boolean;
}

export type FlatFeature = Feature<Geometry, Record<string, string | number | boolean | null>> & { id: string };

/** Note of each area whose boundary is approximated (a coarser area: one of its finest areas). */
export const APPROXIMATED_NOTE = 'Näherung, keine amtlichen Grenzen';

const QUALITY: Record<GeometryQuality, string> = { official: 'amtlich', approximated: 'genähert', generalised: 'generalisiert' };

/** "anteil-65-plus" → "anteil_65_plus". */
export const fieldName = (indicatorId: string) => indicatorId.replace(/-/g, '_');

const AREA_BASE: PropertyDef[] = [
	{ name: 'id', title: 'Kennung', type: 'string' },
	{ name: 'name', title: 'Name', type: 'string' },
	{ name: 'uebergeordnet', title: 'Kennung des übergeordneten Gebiets', type: 'string' },
	{ name: 'geometrie_qualitaet', title: 'Geometrie: amtlich, genähert oder generalisiert', type: 'string' },
	{ name: 'geometrie_hinweis', title: 'Hinweis zur Geometrie', type: 'string' },
	{ name: 'flaeche_geometrie_km2', title: 'Fläche der Geometrie', type: 'number', unit: 'km²' },
	{ name: 'flaeche_amtlich_km2', title: 'Amtliche Fläche', type: 'number', unit: 'km²' },
	{ name: 'flaechenabweichung_pct', title: 'Abweichung der Geometriefläche von der amtlichen Fläche', type: 'number', unit: '%' }
];

/** The base fields, then three per indicator, titled with the indicator's label in the given language. */
export function areaPropertyDefs(store: Store, locale: Locale = 'de'): PropertyDef[] {
	const t = ogcTexts(locale);
	// The level's title lists the profile's level ids.
	const level: PropertyDef = { name: 'ebene', title: `Ebene (${store.levels.map((l) => l.id).join(', ')})`, type: 'string' };
	const defs = [...AREA_BASE.slice(0, 2), level, ...AREA_BASE.slice(2)];
	for (const m of store.derived.indicators) {
		const name = fieldName(m.id);
		const label = m.label[locale];
		defs.push(
			{
				name,
				title: t(m.beispieldaten ? 'ogc.property.latestExample' : 'ogc.property.latest', { label }),
				type: m.decimals === 0 && m.aggregation.method === 'sum' ? 'integer' : 'number',
				unit: m.unit[locale],
				beispieldaten: m.beispieldaten
			},
			{ name: `${name}_jahr`, title: t('ogc.property.year', { label }), type: 'integer' },
			{ name: `${name}_stand`, title: t('ogc.property.date', { label }), type: 'string' }
		);
	}
	return defs;
}

export function areaFeature(store: Store, f: AreaFeature): FlatFeature {
	const p = f.properties;
	const note = isApproximated(geometryStatus(store), p) ? [APPROXIMATED_NOTE, p.geometryNote].filter(Boolean).join('. ') : p.geometryNote;
	const props: FlatFeature['properties'] = {
		id: p.id,
		name: p.name,
		ebene: p.level,
		uebergeordnet: p.parent,
		geometrie_qualitaet: QUALITY[p.geometryQuality],
		geometrie_hinweis: note,
		flaeche_geometrie_km2: p.areaKm2,
		flaeche_amtlich_km2: p.officialAreaKm2,
		flaechenabweichung_pct: p.areaErrorPct
	};
	for (const m of store.derived.indicators) {
		const v = valueFor(store, m.id, p.id, null);
		const name = fieldName(m.id);
		props[name] = v?.value ?? null;
		props[`${name}_jahr`] = v?.year ?? null;
		props[`${name}_stand`] = v?.stand ?? null;
	}
	return { type: 'Feature', id: p.id, geometry: f.geometry, properties: props };
}

export const KONTOR_PROPERTIES: PropertyDef[] = [
	{ name: 'id', title: 'Kennung', type: 'string' },
	{ name: 'name', title: 'Name', type: 'string' },
	{ name: 'gebiet', title: 'Gebiet (Kennung)', type: 'string' },
	{ name: 'gebiet_bestaetigt', title: 'Zuordnung zum Gebiet bestätigt', type: 'boolean' },
	{ name: 'lage_genauigkeit', title: 'Genauigkeit der Lage (address, street, quarter, area)', type: 'string' },
	{ name: 'lage_ungefaehr', title: 'Ungefähre Lage (keine genaue Adresse)', type: 'boolean' },
	{ name: 'bekannte_lage', title: 'Bekannte Lage', type: 'string' },
	{ name: 'adresse', title: 'Adresse', type: 'string' },
	{ name: 'platzierung', title: 'Platzierung auf der Karte', type: 'string' },
	{ name: 'oeffnungszeiten', title: 'Öffnungszeiten', type: 'string' },
	{ name: 'telefon', title: 'Telefon des Kontors', type: 'string' },
	{ name: 'email', title: 'E-Mail des Kontors', type: 'string' },
	{ name: 'angebote', title: 'Angebote (durch ; getrennt)', type: 'string' },
	{ name: 'eroeffnet', title: 'Eröffnet am', type: 'string' },
	{ name: 'kontakt_organisation', title: 'Kontakt: Organisation', type: 'string' },
	{ name: 'kontakt_strasse', title: 'Kontakt: Straße', type: 'string' },
	{ name: 'kontakt_plz', title: 'Kontakt: Postleitzahl', type: 'string' },
	{ name: 'kontakt_ort', title: 'Kontakt: Ort', type: 'string' },
	{ name: 'kontakt_telefon', title: 'Kontakt: Telefon', type: 'string' },
	{ name: 'kontakt_email', title: 'Kontakt: E-Mail', type: 'string' },
	{ name: 'kontakt_stand', title: 'Kontakt: Stand', type: 'string' },
	{ name: 'aufgaben', title: 'Aufgaben', type: 'string' },
	{ name: 'quelle', title: 'Quelle', type: 'string' },
	{ name: 'hinweis', title: 'Hinweis', type: 'string' }
];

export function kontorFeature(f: KontorFeature): FlatFeature {
	const p = f.properties;
	return {
		type: 'Feature',
		id: p.id,
		geometry: f.geometry,
		properties: {
			id: p.id,
			name: p.name,
			gebiet: p.area,
			gebiet_bestaetigt: p.areaVerified,
			lage_genauigkeit: p.locationPrecision,
			lage_ungefaehr: p.locationPrecision !== 'address',
			bekannte_lage: p.knownLocation,
			adresse: p.address,
			platzierung: p.placement,
			oeffnungszeiten: p.openingHours,
			telefon: p.phone,
			email: p.email,
			angebote: p.offers.length ? p.offers.join('; ') : null,
			eroeffnet: p.opened,
			kontakt_organisation: p.contact.organisation,
			kontakt_strasse: p.contact.street,
			kontakt_plz: p.contact.postcode,
			kontakt_ort: p.contact.city,
			kontakt_telefon: p.contact.phone,
			kontakt_email: p.contact.email,
			kontakt_stand: p.contact.asOf,
			aufgaben: p.tasks.join(', '),
			quelle: p.source,
			hinweis: p.note
		}
	};
}
