// The section `kontore` in both languages: the Kontor editing and the reseed in the admin, and the
// command-line tools on the store (`npm run admin:hash`, `npm run data:reseed`). A module of its own,
// so that only the admin and those tools bundle it.
import { kontore as de } from './de/kontore';
import { kontore as en } from './en/kontore';

export const kontore = { de, en };
export type KontoreKey = keyof typeof de;
