import { describe, expect, it } from 'vitest';
import { parseEmbedOrigins, securityHeaders } from './csp';

const page = (csp?: string, extra: Record<string, string> = {}) =>
	new Response('<p>x</p>', { headers: { 'content-type': 'text/html', ...(csp ? { 'content-security-policy': csp } : {}), ...extra } });

describe('embed origins', () => {
	it('defaults to any, keeps valid origins and drops junk', () => {
		expect(parseEmbedOrigins(undefined)).toEqual(['*']);
		expect(parseEmbedOrigins('  ')).toEqual(['*']);
		expect(parseEmbedOrigins('https://www.salzgitter.de, http://127.0.0.1:8080 javascript:alert(1)')).toEqual([
			'https://www.salzgitter.de',
			'http://127.0.0.1:8080'
		]);
		expect(parseEmbedOrigins("x;y 'unsafe-inline'")).toEqual(["'none'"]);
	});
});

describe('security headers', () => {
	it('opens frame-ancestors on /embed and keeps the rest of the policy', () => {
		const r = securityHeaders('/embed', page("default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'self'"), [
			'https://a.example',
			'https://b.example'
		]);
		expect(r.headers.get('content-security-policy')).toBe(
			"default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors https://a.example https://b.example"
		);
	});

	it("allows only 'self' elsewhere, adds a policy where none is set, and strips cookies on /embed only", () => {
		const other = securityHeaders('/ogc', page(undefined, { 'set-cookie': 'a=1' }), ['*']);
		expect(other.headers.get('content-security-policy')).toMatch(/^default-src 'self';.*; frame-ancestors 'self'$/);
		expect(other.headers.get('set-cookie')).toBe('a=1');
		const embed = securityHeaders('/embed/karte.svg', new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml', 'set-cookie': 'a=1' } }), ['*']);
		expect(embed.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *");
		expect(embed.headers.get('set-cookie')).toBeNull();
	});

	it('leaves JSON alone', () => {
		const r = securityHeaders('/api/areas', new Response('{}', { headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' } }), ['*']);
		expect(r.headers.get('content-security-policy')).toBeNull();
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
	});
});
