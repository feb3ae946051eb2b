// The map's attribution line: the data sources the city profile names and, while any Stadtteil
// boundary is approximated (see $lib/data/geometryStatus), the boundary caveat; shown on every map.
export function mapAttribution(sources: readonly string[], approximated: boolean): string {
	return `Daten: ${sources.join('; ')} · Grenzen: © GeoBasis-DE / BKG (VG250)${approximated ? ' · Stadtteilgrenzen genähert' : ''}`;
}
