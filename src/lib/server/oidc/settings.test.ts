import { describe, expect, it } from 'vitest';
import { oidcEnabled, parseOidcSettings, parseRoleMap } from './settings';

const base = {
	KONTORATLAS_OIDC_ISSUER: 'https://login.example.org/realms/stadt',
	KONTORATLAS_OIDC_CLIENT_ID: 'kontoratlas',
	KONTORATLAS_OIDC_CLIENT_SECRET: 'geheim',
	KONTORATLAS_OIDC_ROLES: 'kontoratlas-admin=admin, kontoratlas-planung=planung'
};

describe('parseRoleMap', () => {
	it('reads pairs separated by commas or lines, the value before the last "="', () => {
		const { roles, problems } = parseRoleMap('a=admin,\n /Stadt/Planung = planung ,x=y=redaktion');
		expect(problems).toEqual([]);
		expect([...roles]).toEqual([
			['a', 'admin'],
			['/Stadt/Planung', 'planung'],
			['x=y', 'redaktion']
		]);
	});

	it('names each bad pair: no "=", an unknown role, the public role, a value twice, nothing at all', () => {
		expect(parseRoleMap('gruppe').problems).toEqual(['KONTORATLAS_OIDC_ROLES: "gruppe" is not of the form claim-value=role']);
		expect(parseRoleMap('g=chef').problems[0]).toContain('"chef" (for "g") is not a role');
		expect(parseRoleMap('g=oeffentlich').problems[0]).toContain('"oeffentlich" (for "g") is not a role');
		expect(parseRoleMap('g=admin,g=kontor').problems).toEqual(['KONTORATLAS_OIDC_ROLES: "g" is mapped twice']);
		expect(parseRoleMap(' , ').problems[0]).toContain('KONTORATLAS_OIDC_ROLES is empty');
	});
});

describe('parseOidcSettings', () => {
	it('is off without an issuer', () => {
		expect(oidcEnabled({})).toBe(false);
		expect(oidcEnabled({ KONTORATLAS_OIDC_ISSUER: ' ' })).toBe(false);
		expect(oidcEnabled(base)).toBe(true);
	});

	it('takes the defaults: scope openid profile email, role claim groups, name from preferred_username', () => {
		const { settings } = parseOidcSettings(base);
		expect(settings).toMatchObject({
			clientId: 'kontoratlas',
			clientSecret: 'geheim',
			scope: 'openid profile email',
			roleClaim: 'groups',
			kontorClaim: null,
			nameClaim: 'preferred_username',
			insecure: false
		});
		expect(settings?.issuer.href).toBe('https://login.example.org/realms/stadt');
	});

	it('allows plain http for a provider on this machine only', () => {
		expect(parseOidcSettings({ ...base, KONTORATLAS_OIDC_ISSUER: 'http://127.0.0.1:4000' }).settings?.insecure).toBe(true);
		expect(parseOidcSettings({ ...base, KONTORATLAS_OIDC_ISSUER: 'http://login.example.org' }).problems).toEqual([
			'KONTORATLAS_OIDC_ISSUER: http://login.example.org/ must be https (plain http only on this machine)'
		]);
	});

	it('a public client has no secret', () => {
		expect(parseOidcSettings({ ...base, KONTORATLAS_OIDC_CLIENT_SECRET: '' }).settings?.clientSecret).toBeNull();
	});

	it('reports every problem at once', () => {
		const { settings, problems } = parseOidcSettings({
			KONTORATLAS_OIDC_ISSUER: 'login.example.org',
			KONTORATLAS_OIDC_ROLES: 'k=kontor',
			KONTORATLAS_OIDC_SCOPE: 'profile'
		});
		expect(settings).toBeNull();
		expect(problems).toEqual([
			'KONTORATLAS_OIDC_ISSUER: "login.example.org" is not a URL',
			'KONTORATLAS_OIDC_CLIENT_ID is missing',
			'KONTORATLAS_OIDC_ROLES maps to role kontor, but KONTORATLAS_OIDC_KONTOR_CLAIM (the claim naming the Kontor) is not set',
			'KONTORATLAS_OIDC_SCOPE: "profile" lacks "openid"'
		]);
	});
});
