// The map's attribution line: data sources and the boundary caveat, shown on every map.
export const MAP_ATTRIBUTION = 'Daten: Wikipedia-Autoren; Stadt Salzgitter · Grenzen: deutschlandGeoJSON (DIVA-GIS) · Stadtteilgrenzen genähert';
