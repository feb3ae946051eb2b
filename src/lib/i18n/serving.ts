// The section `serving` in both languages: health, readiness and the analysis pool's problems.
// A module of its own, so that only the server bundles it.
import { serving as de } from './de/serving';
import { serving as en } from './en/serving';

export const serving = { de, en };
export type ServingKey = keyof typeof de;
