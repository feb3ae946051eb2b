// Answers of the facility endpoints: JSON, GeoJSON or CSV in the request's language (`?lang=`, then
// Accept-Language), so they vary by it as well as by encoding.
import type { RequestEvent } from '@sveltejs/kit';
import { requestLocale } from '$lib/i18n/request';
import type { Locale } from '$lib/i18n';
import { respondAsync } from '../http';
import { JSON_TYPE } from '../endpoint';

export const VARY_LANGUAGE = { vary: 'Accept-Encoding, Accept-Language' } as const;

export const localeOf = (event: Pick<RequestEvent, 'url' | 'request'>): Locale => requestLocale(event.url, event.request.headers);

export const sendLocalised = (request: Request, data: unknown, type = JSON_TYPE, headers: Record<string, string> = {}) =>
	respondAsync(request, typeof data === 'string' ? data : JSON.stringify(data), type, { ...VARY_LANGUAGE, ...headers });
