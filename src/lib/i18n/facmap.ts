// The section `facmap` in both languages: the facilities on the map (layer, filter, list, card,
// Kontor card, supply and what-if). A module of its own, so the embed loads it only with the layer.
import { facmap as de } from './de/facmap';
import { facmap as en } from './en/facmap';

export const facmap = { de, en };
export type FacmapKey = keyof typeof de;
