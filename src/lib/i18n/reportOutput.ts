// The section `reportOutput` in both languages: the frame of the PDF and Word reports and the
// problems of their downloads. A module of its own, so that only the server's report modules bundle it.
import { reportOutput as de } from './de/reportOutput';
import { reportOutput as en } from './en/reportOutput';

export const reportOutput = { de, en };
export type ReportOutputKey = keyof typeof de;
