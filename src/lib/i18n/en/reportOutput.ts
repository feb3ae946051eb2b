// English texts of the PDF and Word reports' frame and of their problems: `Texts` makes a missing or an extra key a type error.
import type { Texts } from '../index';
import type { reportOutput as de } from '../de/reportOutput';

export const reportOutput: Texts<typeof de> = {
	'output.page': 'Page {page} of {pages}',
	'output.pageWord': 'Page',
	'output.pageOf': 'of',
	'output.generated': 'Generated on {date}',
	'output.contents': 'Contents',
	'output.notesTitle': 'Notes on the data',
	'output.table': 'Table {n}: {caption}',
	'output.figure': 'Figure {n}: {caption}',
	'output.keyFigures': 'Key figures',
	'output.source': 'Source: {source}; as of: {asOf}',
	'output.marksHere': 'On this page: {marks}',
	'output.marksInDocument': 'This report contains: {marks}',
	'output.mark.beispieldaten': 'Beispieldaten (synthetic example data, not the city’s figures)',
	'output.mark.naeherung': 'Näherung (approximated, not official boundaries)',
	'output.mark.unterdrueckt': 'Suppressed values (too few cases)',
	'output.mark.intern': 'For internal use only',
	'output.zipName': 'Annual-reports-{year}',
	'output.fileName': 'Annual-report-{year}-{kontor}',
	'problem.reportDefinition': 'Invalid report definition',
	'problem.reportFigure': 'Figure cannot be embedded',
	'problem.reportFigure.detail': 'the figure "{caption}" contains {what}; only shapes, text and gradients without outside references are embedded',
	'problem.reportSize': 'Report too large',
	'problem.reportSize.detail':
		'the report would have {size} characters of text; more than {max} cannot be written to a file – choose fewer chapters or indicators',
	'problem.reportTable': 'Table too wide',
	'problem.reportTable.detail': 'the table "{caption}" has {columns} columns; more than {max} do not fit on a page',
	'problem.reportFormat': 'Unknown format',
	'problem.reportFormat.detail': 'format is "pdf" or "docx", not "{format}"',
	'problem.reportYear': 'Invalid year',
	'problem.reportYear.detail': 'jahr is a four-digit year with data ({years}), not "{year}"'
};
