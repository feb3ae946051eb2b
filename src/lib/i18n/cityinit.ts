// The section `cityinit` in both languages: `npm run city:init` and the setup check of `npm run
// data`. A module of its own: only these scripts bundle it.
import { cityinit as de } from './de/cityinit';
import { cityinit as en } from './en/cityinit';

export const cityinit = { de, en };
export type CityinitKey = keyof typeof de;
