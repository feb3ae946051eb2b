// One report job: one ReportDoc to PDF or Word, or several (the six Kontore's yearly reports) into
// one ZIP, each under its file name. Runs in the analysis pool's workers (poolJobs.ts), so a report
// of several seconds never holds up the event loop; the docs arrive checked (checkReport) in the
// request handler, where a refusal still becomes a problem in the request's language.
import { zipSync } from 'fflate';
import type { ReportDoc } from '$lib/report/model';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_TYPES: Record<ReportFormat | 'zip', string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	zip: 'application/zip'
};

export interface ReportJob {
	kind: 'report';
	format: ReportFormat;
	/** One document: its bytes; several: a ZIP with one entry each, named by `names`. */
	docs: ReportDoc[];
	names: string[];
}

export const renderReport = (format: ReportFormat, doc: ReportDoc) => (format === 'pdf' ? renderPdf(doc) : renderDocx(doc));

export async function renderReportJob(job: ReportJob): Promise<Uint8Array> {
	if (job.docs.length === 1) return renderReport(job.format, job.docs[0]);
	const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
	// One after another: each report already fills a core, and memory stays at one report's.
	for (const [i, doc] of job.docs.entries()) entries[job.names[i]] = [await renderReport(job.format, doc), { level: 0 }];
	// Stored, not deflated: PDF streams and .docx parts are compressed already.
	return zipSync(entries);
}

/** A file name from a report's words: ASCII letters, digits and hyphens (umlauts spelt out), e.g. "Jahresbericht-2024-Kontor-Nord". */
export function fileSlug(text: string): string {
	const spelt = text.replace(/[äöüÄÖÜß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' })[c] ?? c);
	const ascii = spelt.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	return (
		ascii
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 120) || 'Kontoratlas'
	);
}

/** Content-Disposition of a download: an ASCII name, which every client takes as it is. */
export const attachment = (name: string, extension: ReportFormat | 'zip') => `attachment; filename="${fileSlug(name)}.${extension}"`;
