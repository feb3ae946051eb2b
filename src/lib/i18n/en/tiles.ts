// English texts of the large levels' serving: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { tiles as de } from '../de/tiles';

export const tiles: Texts<typeof de> = {
	'tiles.outside': 'Tile outside the tile scheme',
	'tiles.outside.detail': 'there is no tile {z}/{x}/{y}: zoom levels 0 to {max}, x and y whole numbers from 0 to 2^z − 1',
	'tiles.map.loading': 'Loading the map’s values …',
	'tiles.map.failed': 'The map’s values could not be loaded ({reason}); the areas stay uncoloured.',
	'tiles.map.note': '{count} areas: the map draws them from tiles, names appear on hover.',
	'tiles.map.hover': '{name}: {value}',
	'tiles.map.suppressed': 'withheld',
	'values.indicator': 'Indicator missing',
	'values.indicator.detail': 'the parameter "indikator" names the indicator whose values are sent (one of the allowed ids)',
	'values.noValues': 'No values at this level',
	'values.noValues.detail': 'the indicator "{indicator}" has no values at the level "{level}"'
};
