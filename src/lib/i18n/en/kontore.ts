// English texts of the Kontor editing, the reseed and the store tools: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { kontore as de } from '../de/kontore';

export const kontore: Texts<typeof de> = {
	'hash.prompt': 'Password (at least {min} characters): ',
	'hash.empty':
		'admin:hash: no password received. The password is read from standard input: "npm run -s admin:hash < password.txt", or type it after the prompt.',
	'hash.short': 'admin:hash: the password has {n} characters; it needs at least {min}.',
	'hash.lines': 'admin:hash: the input has several lines; the password must be on one line.'
};
