// The section `analysis` in both languages: the analysis views (catchments, charts, profiles, comparison, Sozialindex).
// A module of its own, so that only the pages that import it bundle it.
import { analysis as de } from './de/analysis';
import { analysis as en } from './en/analysis';

export const analysis = { de, en };
export type AnalysisKey = keyof typeof de;
