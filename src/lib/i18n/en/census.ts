// English texts of the census grid: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { census as de } from '../de/census';

export const census: Texts<typeof de> = {
	'census.separator': 'the file is not separated by semicolons as the census publishes it (found: "{found}")',
	'census.noIdColumn': 'the column GITTER_ID_100m or GITTER_ID_1km is missing; found: {columns}',
	'census.twoIdColumns': 'the file has both id columns (GITTER_ID_100m and GITTER_ID_1km); a file belongs to one grid',
	'census.wrongGrid': 'the grid level is the {expected} grid, the file holds the {found} grid',
	'census.noValueColumn': 'the file has no value column (such as "Einwohner") besides the id, the centre and the explanatory signs',
	'census.idSyntax': 'not a grid cell id as the census writes it (CRS3035RES100mN…E… or CRS3035RES1000mN…E…)',
	'census.idSize': 'the id belongs to the {found} grid, the column to the {expected} grid',
	'census.idAlignment': 'the northing and easting of the id must be multiples of the cell size ({metres} m)',
	'census.idTwice': 'the grid cell is already in row {other}',
	'census.centreMismatch': 'the centre does not match the id: expected {expected}',
	'census.notNumber': 'not a number as the census writes it (decimal comma; "–" for values kept secret)',
	'census.outside': 'the grid cell lies outside the city and is skipped',
	'census.outsideMore': 'and {n} more grid cells outside the city, skipped',
	'census.unmapped': 'the column is not assigned to an indicator and is not taken over; assigned are: {mapped}',
	'census.missingColumn': 'the column "{column}" is missing; the profile assigns it to the indicator "{indicator}"',
	'census.unknownIndicator': 'the profile assigns the census column "{column}" to the unknown indicator "{indicator}"',
	'census.aggregation':
		'the indicator "{indicator}" is aggregated as {method}; grid values can only be sums (counts) or weighted means (averages), as the census gives no bases',
	'census.noGridLevel': 'the city has no grid level (a level with "grid" in the profile); census data cannot be assigned',
	'census.empty': 'the file holds no grid cell inside the city',
	'census.population.grid': 'residents placed by the {cell} grid ({dataset}, {cells} populated cells), matched to the official figure per area',
	'census.population.even': 'residents spread evenly over each area (no grid data)',
	'census.admin.title': 'Census grid data (100 m / 1 km)',
	'census.admin.intro':
		'A census 2022 grid file as published (semicolons, GITTER_ID_100m or GITTER_ID_1km, decimal commas, "–" for values kept secret). It replaces the grid level\'s file with the same columns; cells outside the city are reported and skipped.',
	'census.admin.source': 'Source',
	'census.admin.stand': 'Reference date',
	'census.ogc.gridText':
		'The {count} cells of the {cell} grid (INSPIRE, EPSG:3035) in {city}, clipped at the city boundary; the name is the cell id as the census writes it, the parent the area holding its centre.',
	'census.cell.100m': '100 m',
	'census.cell.1km': '1 km',
	'census.gridSum': 'sum of the {cell} grid',
	'census.gridSumDiff': '{diff} against the official figure'
};
