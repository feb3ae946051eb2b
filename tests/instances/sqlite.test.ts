// Two app processes on one SQLite file (the store of a single host): what one writes, the other
// serves; see helpers.ts for the cases.
import { afterAll, beforeAll, describe } from 'vitest';
import { removeStores, startAdminServer, type AdminServer } from '../admin/helpers';
import { consistencyCases, INSTANCE_ENV } from './helpers';

let a: AdminServer;
let b: AdminServer;

beforeAll(async () => {
	a = await startAdminServer(INSTANCE_ENV);
	b = await startAdminServer(INSTANCE_ENV, a.dbPath);
});
afterAll(() => {
	a?.child.kill();
	b?.child.kill();
	removeStores();
});

describe('two processes on one SQLite store', () => {
	consistencyCases(() => [a, b]);
});
