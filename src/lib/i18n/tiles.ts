// The section `tiles` in both languages: problems of the vector tiles and the values request.
// A module of its own, so that only the server and the large-level map (a lazily loaded chunk) bundle it.
import { tiles as de } from './de/tiles';
import { tiles as en } from './en/tiles';

export const tiles = { de, en };
export type TilesKey = keyof typeof de;
