// The section `ogc` in both languages: the OGC API's exceptions, HTML pages and the titles and
// descriptions of its JSON documents. A module of its own, so that only the server's OGC modules bundle it.
import { translator, type Locale, type Params } from './index';
import { ogc as de } from './de/ogc';
import { ogc as en } from './en/ogc';

export const ogc = { de, en };
export type OgcKey = keyof typeof de;
export type OgcT = (key: OgcKey, params?: Params) => string;

/** The OGC texts in one language. */
export const ogcTexts = (locale: Locale): OgcT => translator(locale, ogc);
