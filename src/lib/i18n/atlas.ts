// The section `atlas` in both languages: the atlas page's own interface (controls, export, selection, embed dialog, Kontor card).
// A module of its own, so that only the pages that import it bundle it.
import { atlas as de } from './de/atlas';
import { atlas as en } from './en/atlas';

export const atlas = { de, en };
export type AtlasKey = keyof typeof de;
