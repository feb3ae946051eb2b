// The map's attribution line: the data sources the city profile names and, while any boundary of the
// finest level is approximated (see $lib/data/geometryStatus), the boundary caveat; shown on every map.
import { core, translator } from '$lib/i18n';

/** German like the sources it names; the caveat speaks of the profile's finest level. */
export function mapAttribution(sources: readonly string[], approximated: boolean): string {
	const caveat = approximated ? ` · ${translator('de', core)('map.attribution.approximated')}` : '';
	return `Daten: ${sources.join('; ')} · Grenzen: © GeoBasis-DE / BKG (VG250)${caveat}`;
}
