// The section `report` in both languages: the report builder (/bericht), the report documents and
// the Kontor activity texts. A module of its own, so that only those pages and the server bundle it.
import { report as de } from './de/report';
import { report as en } from './en/report';

export const report = { de, en };
export type ReportKey = keyof typeof de;
