// A report as a renderer-neutral document: the builder turns a report definition and the served
// data into one ReportDoc; the PDF and Word renderers only lay it out, so both carry the same
// figures, notes and sources.
import type { Locale } from '$lib/i18n';

/** Where a figure comes from: printed under every table and chart. */
export interface ReportSource {
	/** e.g. "Stadt Hausen; Beispieldaten (synthetisch)" */
	text: string;
	/** Reference date as printed, e.g. "31.12.2023" */
	asOf: string;
}

/** Marks that must appear on every page where the marked content appears. */
export type ReportMark = 'beispieldaten' | 'naeherung' | 'unterdrueckt' | 'intern';

export type ReportBlock =
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'keyFigures'; items: { label: string; value: string }[]; source: ReportSource; marks: ReportMark[] }
	| {
			kind: 'table';
			caption: string;
			columns: { label: string; align: 'left' | 'right' }[];
			/** Cells as printed (already formatted in the report's locale; suppressed values as their mark). */
			rows: string[][];
			source: ReportSource;
			marks: ReportMark[];
	  }
	| {
			kind: 'figure';
			caption: string;
			/** Self-contained SVG (no external references), with width and height attributes in px. */
			svg: string;
			width: number;
			height: number;
			/** Text alternative for screen readers and Word's alt text. */
			alt: string;
			source: ReportSource;
			marks: ReportMark[];
	  }
	| { kind: 'notes'; items: string[] }
	| { kind: 'pageBreak' };

export interface ReportChapter {
	id: 'lage' | 'bevoelkerung' | 'indikatoren' | 'vergleich' | 'einrichtungen' | 'taetigkeit' | 'datenstand';
	title: string;
	blocks: ReportBlock[];
}

export interface ReportDoc {
	locale: Locale;
	/** Title page: e.g. "Jahresbericht 2024", "Kontor Nord" */
	title: string;
	subtitle: string;
	/** Printed in every page footer, e.g. "Kontoratlas · Datenstand: Version 12, 05.12.2026" */
	footer: string;
	/** The marks that occur anywhere in the document, each explained once on the title page. */
	marks: { mark: ReportMark; text: string }[];
	chapters: ReportChapter[];
	/** ISO timestamp of generation; renderers print it and set it as document metadata. */
	generatedAt: string;
}
