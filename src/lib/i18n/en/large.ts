// English texts of the views of large levels: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { large as de } from '../de/large';

export const large: Texts<typeof de> = {
	'large.search': 'Search areas',
	'large.searchHint': 'Name or id; arrow down moves into the table',
	'large.count': '{total} areas',
	'large.countFiltered': '{shown} of {total} areas',
	'large.noMatch': 'No area matches “{query}”.',
	'large.keys': 'Arrow keys, Page Up/Down, Home and End move in the table; Enter selects an area, Space adds it to the selection or removes it.',
	'large.ranking.gap': '… {n} more …',
	'large.ranking.cut': 'Shown: the top and bottom {n} of {total} areas and the selection.',
	'large.missing': 'No value: {n} areas.',
	'large.distribution.summary': 'Histogram of {n} values in {bins} bars; the map’s class breaks are marked ({counts}). {city}: {cityValue}.',
	'large.distribution.bar': '{from} to {to}: {count} areas',
	'large.distribution.axis': 'Number of areas',
	'large.coarser': 'The level “{asked}” has {n} areas, too many for this map; it shows “{shown}” instead.',
	'large.overlay': '{level} as a layer over the map',
	'large.overlayLegend': '{level}: a grid of {n} cells over the {base}, whose boundaries stay visible.',
	'large.scatter.summary': '{n} points; the table holds the selected areas.',
	'large.children.areas': '{n} {level}',
	'large.children.cells': '{n} cells of the {cell} grid',
	'large.children.inhabited': '{count}, {n} of them inhabited',
	'large.children.allInhabited': '{count}, all of them inhabited',
	'large.children.top': 'Highest values: {indicator}',
	'large.children.bottom': 'Lowest values',
	'large.children.rankedBy': '“{asked}” has no values at this level; ranked by “{indicator}”.',
	'large.children.noValues': 'No indicator has values for this area at this level.',
	'large.children.atlas': 'Show the {level} in the atlas, zoomed to {name}'
};
