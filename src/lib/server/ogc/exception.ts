// OGC API exceptions (Features Part 1 §7.5.1, schema exception.yaml): `{ code, description }` with
// the HTTP status that fits, as JSON for clients and as a small German page for browsers.

export type OgcErrorCode = 'InvalidParameterValue' | 'NotFound' | 'MethodNotAllowed' | 'NotAcceptable' | 'ServerError';

export class OgcError extends Error {
	constructor(
		readonly status: 400 | 404 | 405 | 406 | 500,
		readonly code: OgcErrorCode,
		readonly description: string
	) {
		super(description);
	}
}

export const invalidParameter = (parameter: string, description: string) => new OgcError(400, 'InvalidParameterValue', `${parameter}: ${description}`);

export const notFound = (description: string) => new OgcError(404, 'NotFound', description);

/** Echoed input is shortened so a hostile string cannot bloat the answer. */
export function clip(s: string): string {
	return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
