// The app's top-level pages and endpoints (folders of src/routes): a level's areas live at
// /{level}/{area}, so no level id may be one of them. A list of its own, without the profile's
// schema, because the level route's matcher runs in the browser too. src/params/level.test.ts keeps
// it equal to the folders.
export const ROUTE_FOLDERS: readonly string[] = [
	'admin',
	'api',
	'bericht',
	'daten',
	'embed',
	'erreichbarkeit',
	'healthz',
	'ogc',
	'readyz',
	'sozialindex',
	'test-pool',
	'tiles',
	'vergleich'
];
