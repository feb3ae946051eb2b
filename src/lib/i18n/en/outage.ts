// English texts of outage: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { outage as de } from '../de/outage';

export const outage: Texts<typeof de> = {
	'outage.title': 'Database unreachable',
	'outage.detail':
		'The database cannot be reached right now ({cause}). Changes and sign-ins are possible again once it is back; the map, tables and API go on serving version {version}. Please try again in a few seconds.',
	'outage.detailNoVersion': 'The database cannot be reached right now ({cause}). Please try again in a few seconds.',
	'outage.ready': 'Not ready for changes: the database cannot be reached ({cause}). Reads go on: version {version} is served from memory.',
	'outage.notice': 'database unreachable; serving the version loaded last, {version}',
	'outage.cause.refused': 'no connection to the database server',
	'outage.cause.closed': 'the connection was closed',
	'outage.cause.shutdown': 'the database server is shutting down or restarting',
	'outage.cause.timeout': 'the database server does not answer',
	'outage.cause.auth': "the database refuses the app's credentials (user or password in DATABASE_URL)",
	'outage.cause.missing': 'the database named in DATABASE_URL does not exist on the server',
	'outage.cause.other': 'connection error {code}'
};
