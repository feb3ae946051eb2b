// English texts of the Kontor editing, the reseed and the store tools: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { kontore as de } from '../de/kontore';

export const kontore: Texts<typeof de> = {
	'hash.prompt': 'Password (at least {min} characters): ',
	'hash.empty':
		'admin:hash: no password received. The password is read from standard input: "npm run -s admin:hash < password.txt", or type it after the prompt.',
	'hash.short': 'admin:hash: the password has {n} characters; it needs at least {min}.',
	'hash.lines': 'admin:hash: the input has several lines; the password must be on one line.',
	'pos.missing': 'missing',
	'pos.notNumber': '"{value}" is not a number',
	'pos.swapped': 'latitude and longitude are swapped: Salzgitter lies at about 52° latitude and 10° longitude (probably latitude {lat}, longitude {lon})',
	'pos.metresAsDegrees': 'these are metres, not degrees: choose "ETRS89/UTM 32N (EPSG:25832)" for easting and northing',
	'pos.degreesAsMetres': 'these are degrees, not metres: choose "WGS84 (degrees)" for latitude and longitude',
	'pos.swappedUtm': 'easting and northing are swapped: in Salzgitter the easting is about 590,000 and the northing about 5,780,000',
	'pos.outside': 'the point (latitude {lat}, longitude {lon}) is not in Salzgitter'
};
