// The section `facilities` in both languages: the facility register's data problems, API problems and
// notes. A module of its own, so that only the pages and server modules of the register bundle it.
import { facilities as de } from './de/facilities';
import { facilities as en } from './en/facilities';

export const facilities = { de, en };
export type FacilitiesKey = keyof typeof de;
