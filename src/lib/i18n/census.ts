// The section `census` in both languages: the census grid import's problems and the notes on where
// catchments take their residents from. A module of its own, so that only what needs it bundles it.
import { census as de } from './de/census';
import { census as en } from './en/census';

export const census = { de, en };
export type CensusKey = keyof typeof de;
