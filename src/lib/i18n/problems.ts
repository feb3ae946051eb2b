// The section `problems` in both languages: the API's problem details and the pages' 404 texts.
// A module of its own, so that only the pages that import it bundle it.
import { problems as de } from './de/problems';
import { problems as en } from './en/problems';

export const problems = { de, en };
export type ProblemKey = keyof typeof de;
