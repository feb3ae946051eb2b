// The section `large` in both languages: the views of levels with 1,000 areas and more (issue #21).
// A module of its own, so that pages without large levels' views (the embed) do not bundle it.
import { large as de } from './de/large';
import { large as en } from './en/large';

export const large = { de, en };
export type LargeKey = keyof typeof de;
