// English texts of serving: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { serving as de } from '../de/serving';

export const serving: Texts<typeof de> = {
	'http.health.live': 'The process is running.',
	'http.ready.ok': 'Ready: serving version {version} of the data.',
	'http.ready.draining': 'The server is shutting down and takes no new requests.',
	'http.ready.storeUnreadable': 'The data store cannot be read or its current version is not loaded.',
	'pool.busy.title': 'Server busy',
	'pool.busy.detail': 'Too many computations are waiting; please try again in {seconds} s.',
	'pool.timeout.title': 'Computation stopped',
	'pool.timeout.detail': 'The computation took longer than {seconds} s and was stopped; please try again later.',
	'pool.failed.title': 'Computation failed',
	'pool.failed.detail': 'The computation failed with an internal error; other requests are not affected.',
	'pool.memory.detail': 'The computation needed more memory than allowed and was stopped.'
};
