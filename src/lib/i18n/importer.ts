// The section `importer` in both languages: the data problems of the import preview and of
// `npm run data`. A module of its own, so that only the admin and the pipeline bundle it.
import { importer as de } from './de/importer';
import { importer as en } from './en/importer';

export const importer = { de, en };
export type ImporterKey = keyof typeof de;
