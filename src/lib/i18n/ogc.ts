// The section `ogc` in both languages: the OGC API's exception descriptions and exception page.
// A module of its own, so that only the server's OGC modules bundle it.
import { ogc as de } from './de/ogc';
import { ogc as en } from './en/ogc';

export const ogc = { de, en };
export type OgcKey = keyof typeof de;
