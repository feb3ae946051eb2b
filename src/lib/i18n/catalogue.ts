// The section `catalogue` in both languages: the admin's indicator catalogue editor. A module of
// its own, so that only the admin bundles it.
import { catalogue as de } from './de/catalogue';
import { catalogue as en } from './en/catalogue';

export const catalogue = { de, en };
export type CatalogueKey = keyof typeof de;
