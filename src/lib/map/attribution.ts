// The map's attribution line: data sources and, while any Stadtteil boundary is approximated
// (see $lib/data/geometryStatus), the boundary caveat; shown on every map.
export function mapAttribution(approximated: boolean): string {
	return `Daten: Wikipedia-Autoren; Stadt Salzgitter · Grenzen: © GeoBasis-DE / BKG (VG250)${approximated ? ' · Stadtteilgrenzen genähert' : ''}`;
}
