import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, registerSecurityHeaders, SECURITY_HEADERS_KEY } from './securityHeaders';

describe('baseSecurityHeaders', () => {
	it('sends nosniff, the referrer policy and a Permissions-Policy that turns features off', () => {
		const h = baseSecurityHeaders(undefined);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
		const policy = h['permissions-policy'].split(', ');
		for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'fullscreen=()']) expect(policy).toContain(feature);
		// Structured-field syntax: every entry `name=()`, nothing allowed.
		for (const entry of policy) expect(entry).toMatch(/^[a-z-]+=\(\)$/);
	});

	it('adds HSTS only for an https origin', () => {
		expect(baseSecurityHeaders('https://kontoratlas.salzgitter.de')['strict-transport-security']).toBe('max-age=31536000');
		expect(baseSecurityHeaders(' HTTPS://atlas.example:8443')['strict-transport-security']).toBe('max-age=31536000');
		for (const origin of [undefined, '', 'http://127.0.0.1:3000', 'http://kontoratlas.salzgitter.de']) {
			expect(baseSecurityHeaders(origin), String(origin)).not.toHaveProperty('strict-transport-security');
		}
	});

	it('registers the headers under a global symbol for server.js', () => {
		const h = registerSecurityHeaders('https://a.example');
		expect((globalThis as Record<symbol, unknown>)[SECURITY_HEADERS_KEY]).toBe(h);
	});
});
