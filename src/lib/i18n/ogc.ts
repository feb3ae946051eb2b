// The section `ogc` in both languages: the OGC API's exceptions, HTML pages and the titles and
// descriptions of its JSON documents. A module of its own, so that only the server's OGC modules bundle it.
import { translator, type Locale, type Params } from './index';
import { ogc as de } from './de/ogc';
import { ogc as en } from './en/ogc';

export const ogc = { de, en };
export type OgcKey = keyof typeof de;
/** The OGC texts in one language; it knows its language for texts built outside the section. */
export type OgcT = ((key: OgcKey, params?: Params) => string) & { readonly locale: Locale };

export const ogcTexts = (locale: Locale): OgcT => Object.assign(translator(locale, ogc), { locale });
