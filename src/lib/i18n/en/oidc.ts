// English texts of single sign-on (OpenID Connect): `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { oidc as de } from '../de/oidc';

export const oidc: Texts<typeof de> = {
	'oidc.button': 'Sign in with single sign-on',
	'oidc.or': 'or with user name and password:',
	'oidc.failedTitle': 'Single sign-on failed.',
	'oidc.notSignedIn': 'You are not signed in.',
	'oidc.error.unconfigured': 'Single sign-on is not set up, or not completely (environment variables KONTORATLAS_OIDC_*; details in the server log).',
	'oidc.error.unreachable':
		'The sign-in service cannot be reached or does not answer as expected. Please try again later or sign in with user name and password.',
	'oidc.error.state':
		'The sign-in service’s answer belongs to no sign-in started in this browser (expired, already used or someone else’s). Please start signing in again.',
	'oidc.error.nonce': 'The sign-in service’s ID token belongs to another sign-in than the one this browser started. Please start signing in again.',
	'oidc.error.issuer': 'The answer comes from another sign-in service than the configured one and is not accepted.',
	'oidc.error.denied': 'Signing in was cancelled at the sign-in service, or consent was refused.',
	'oidc.error.failed': 'The sign-in service did not confirm the sign-in (the code was invalid, expired or already redeemed). Please start signing in again.',
	'oidc.error.norole':
		'Your account at the sign-in service has no role in Kontoratlas: none of its groups is mapped to a role. The administrators can give you one (a group at the sign-in service).',
	'oidc.error.nokontor': 'Your account has the role “Kontor”, but the sign-in service names no known {office} for it. Please contact the administrators.',
	'oidc.error.disabled': 'Your Kontoratlas account is disabled. Please contact the administrators.'
};
