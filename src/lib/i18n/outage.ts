// The section `outage` in both languages: the store unreachable while the app runs (writes and
// logins refused, reads served from memory). A module of its own, so that only the server bundles it.
import { outage as de } from './de/outage';
import { outage as en } from './en/outage';

export const outage = { de, en };
export type OutageKey = keyof typeof de;
