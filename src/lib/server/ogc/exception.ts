// OGC API exceptions (Features Part 1 §7.5.1, schema exception.yaml): `{ code, description }` with
// the HTTP status that fits, as JSON for clients and as a small page for browsers. The code is
// OGC's; the description is a catalogue key, written in the request's language when answered.
import { translator, type Locale, type Params } from '$lib/i18n';
import { ogc, type OgcKey } from '$lib/i18n/ogc';

export type OgcErrorCode = 'InvalidParameterValue' | 'NotFound' | 'MethodNotAllowed' | 'NotAcceptable' | 'ServerError';

export class OgcError extends Error {
	constructor(
		readonly status: 400 | 404 | 405 | 406 | 500,
		readonly code: OgcErrorCode,
		readonly key: OgcKey,
		readonly params: Params = {}
	) {
		super(translator('en', ogc)(key, params));
	}

	/** The description in one language (German unless the request asks for English). */
	description(locale: Locale): string {
		return translator(locale, ogc)(this.key, this.params);
	}
}

/** `parameter: detail`, the detail being a catalogue key too. */
export class OgcParameterError extends OgcError {
	constructor(
		readonly parameter: string,
		readonly detail: OgcKey,
		readonly detailParams: Params = {}
	) {
		super(400, 'InvalidParameterValue', 'ogc.parameter', { parameter });
	}

	description(locale: Locale): string {
		const t = translator(locale, ogc);
		return t('ogc.parameter', { parameter: this.parameter, detail: t(this.detail, this.detailParams) });
	}
}

export const invalidParameter = (parameter: string, detail: OgcKey, params: Params = {}) => new OgcParameterError(parameter, detail, params);

export const notFound = (key: OgcKey, params: Params = {}) => new OgcError(404, 'NotFound', key, params);

/** Echoed input is shortened so a hostile string cannot bloat the answer. */
export function clip(s: string): string {
	return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
