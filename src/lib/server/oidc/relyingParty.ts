// The OpenID Connect relying party (openid-client 6): the provider's metadata by discovery, the
// authorization request (code flow with PKCE S256, state and nonce), and the callback checked and
// redeemed. Every way a sign-in can fail ends as one OidcError with a reason the login page explains.
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { claimAt, type Claims } from './claims';
import type { Flow } from './flows';
import type { OidcSettings } from './settings';

export const OIDC_FAILURES = ['unconfigured', 'unreachable', 'state', 'nonce', 'issuer', 'denied', 'failed', 'norole', 'nokontor', 'disabled'] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

/** The reason a failed sign-in names to the login page (`?sso=`), if it is one. */
export const ssoFailure = (raw: string | null): OidcFailure | null =>
	(OIDC_FAILURES as readonly (string | null)[]).includes(raw) ? (raw as OidcFailure) : null;

/** `detail` is for the audit and the server's log (English, technical); the user sees the reason's text. */
export class OidcError extends Error {
	constructor(
		readonly reason: OidcFailure,
		readonly detail: string
	) {
		super(`${reason}: ${detail}`);
	}
}

/** Metadata and keys are fetched again after this long, so a provider's changes are picked up without a restart. */
const METADATA_TTL_MS = 60 * 60 * 1000;
/** Seconds for each request to the provider (discovery, token, userinfo). */
const TIMEOUT_S = 10;

let cached: { key: string; at: number; config: client.Configuration } | null = null;

/** The discovered configuration; a failed discovery is not kept, so the next sign-in tries again. */
async function configuration(s: OidcSettings): Promise<client.Configuration> {
	const key = JSON.stringify([s.issuer.href, s.clientId, s.clientSecret]);
	if (cached?.key === key && Date.now() - cached.at < METADATA_TTL_MS) return cached.config;
	let config: client.Configuration;
	try {
		config = await client.discovery(s.issuer, s.clientId, s.clientSecret ?? undefined, s.clientSecret ? undefined : client.None(), {
			execute: s.insecure ? [client.allowInsecureRequests] : [],
			timeout: TIMEOUT_S
		});
	} catch (e) {
		// The metadata of another issuer than the configured one is refused by openid-client itself.
		const reason = causes(e).some((c) => c.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') ? 'issuer' : 'unreachable';
		throw new OidcError(reason, `discovery of ${s.issuer.href} failed: ${describe(e)}`);
	}
	config.timeout = TIMEOUT_S;
	cached = { key, at: Date.now(), config };
	return config;
}

/** The provider's authorization URL for a new sign-in, and the flow values the callback will need. */
export async function authorizationRequest(s: OidcSettings, redirectUri: string): Promise<{ url: URL; flow: Pick<Flow, 'state' | 'nonce' | 'verifier'> }> {
	const config = await configuration(s);
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: s.scope,
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	return { url, flow: { state, nonce, verifier } };
}

function same(a: string | null, b: string): boolean {
	if (a === null) return false;
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The callback's answer checked against the flow (state, the issuer's `iss` of RFC 9207, an error
 * from the provider), the code redeemed with the PKCE verifier, the ID token verified by
 * openid-client (signature, issuer, audience, expiry, nonce). Claims the ID token lacks (many
 * providers put groups into userinfo only) come from the userinfo endpoint for the same subject.
 * `wanted`: the claims the account needs (role, name, Kontor).
 * `subject` is issuer and sub together: a sub is unique only at its issuer.
 */
export async function redeemCallback(s: OidcSettings, callback: URL, flow: Flow, wanted: string[]): Promise<{ subject: string; claims: Claims }> {
	const config = await configuration(s);
	const params = callback.searchParams;
	if (!same(params.get('state'), flow.state))
		throw new OidcError('state', `state "${(params.get('state') ?? '').slice(0, 60)}" is not the one this browser's sign-in sent`);
	const issuer = config.serverMetadata().issuer;
	const iss = params.get('iss');
	if (iss !== null && iss !== issuer) throw new OidcError('issuer', `the answer comes from issuer "${iss.slice(0, 200)}", not ${issuer}`);
	// A provider that names itself in every answer (RFC 9207) did not send one without.
	if (iss === null && config.serverMetadata().authorization_response_iss_parameter_supported)
		throw new OidcError('issuer', `the answer names no issuer, though ${issuer} always does`);
	const error = params.get('error');
	if (error) {
		const detail = `the provider answered ${error.slice(0, 60)}: ${(params.get('error_description') ?? '').slice(0, 200)}`;
		throw new OidcError(error === 'access_denied' ? 'denied' : 'failed', detail);
	}
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(config, callback, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce,
			idTokenExpected: true
		});
	} catch (e) {
		throw failure(e, 'redeeming the code');
	}
	const idClaims = tokens.claims()!;
	let claims: Claims = { ...idClaims };
	if (!wanted.every((claim) => claimAt(idClaims, claim) !== undefined) && config.serverMetadata().userinfo_endpoint) {
		try {
			const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
			// The ID token's own claims (iss, sub, aud, nonce, …) stay as verified.
			claims = { ...info, ...idClaims };
		} catch (e) {
			throw failure(e, 'reading userinfo');
		}
	}
	return { subject: `${idClaims.iss}#${idClaims.sub}`, claims };
}

/** The error, its cause, the cause's cause …: openid-client wraps oauth4webapi's errors. */
function causes(e: unknown): { code?: unknown; claim?: unknown; message?: unknown }[] {
	const list = [];
	for (let c = e, depth = 0; c && typeof c === 'object' && depth < 5; c = (c as { cause?: unknown }).cause, depth++)
		list.push(c as { code?: unknown; claim?: unknown });
	return list;
}

function describe(e: unknown): string {
	return causes(e)
		.map((c) => (typeof c.message === 'string' ? c.message : null))
		.filter(Boolean)
		.join(' ← ')
		.slice(0, 300);
}

function failure(e: unknown, during: string): OidcError {
	const chain = causes(e);
	if (chain.some((c) => c.claim === 'nonce')) return new OidcError('nonce', `${during}: the ID token's nonce is not the one this browser's sign-in sent`);
	if (chain.some((c) => c.claim === 'iss')) return new OidcError('issuer', `${during}: ${describe(e)}`);
	if (e instanceof client.ResponseBodyError) return new OidcError('failed', `${during}: the provider answered ${e.error}: ${e.error_description ?? ''}`);
	// fetch's own failure (refused, reset, name not resolved) and openid-client's timeout.
	if ((e instanceof TypeError && e.message === 'fetch failed') || chain.some((c) => c.code === 'OAUTH_TIMEOUT'))
		return new OidcError('unreachable', `${during}: ${describe(e)}`);
	return new OidcError('failed', `${during}: ${describe(e)}`);
}
