// English texts of what the public embed shows (map, legend, table): `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { core as de } from '../de/core';

export const core: Texts<typeof de> = {
	'lang.switch': 'Deutsch',
	'map.label': 'Map of the {areas} and neighbourhood offices of {city}',
	'map.attribution.approximated': '{area} boundaries approximated',
	'area.stand': 'as of',
	'area.noData': 'not available',
	'atlas.year': 'Year',
	'atlas.latest': 'latest per area',
	'legend.noData': 'not available',
	'legend.under': 'under',
	'legend.suppressed': 'suppressed for privacy',
	'legend.beispiel': 'Example data (synthetic, not the city’s figures)',
	'legend.histogram': 'Distribution of the values with class breaks',
	'legend.source': 'Source',
	'legend.city': 'City',
	'legend.count': 'Count',
	'badge.beispiel': 'Example data',
	'summary.highest': 'Highest value',
	'summary.lowest': 'lowest value',
	'summary.city': 'city value',
	'table.title': 'Table behind the map',
	'table.area': 'Area',
	'table.value': 'Value',
	'table.rank': 'Rank',
	'table.deviation': 'Deviation from the city',
	'table.deviationPct': 'Deviation in %',
	'table.year': 'Year / as of',
	'table.select': 'select',
	'table.sortBy': 'Sort by',
	'select.title': 'Selection',
	// Embed
	'embed.open': 'Open in Kontoratlas',
	'embed.table': 'Table of values',
	'embed.csv': 'Table as CSV',
	'app.title': '{site}',
	'error.noIndicators': 'This atlas currently shows no public indicators. Signed-in users see the internal ones.'
};
