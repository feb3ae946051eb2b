// Report jobs: file names spelt in ASCII, and several reports zipped one entry each.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportFixture } from '../../../../tests/fixtures/report';
import { attachment, fileSlug, renderReportJob } from './render';

describe('fileSlug', () => {
	it.each([
		['Jahresbericht 2024 Stadtteilkontor Fredenberg', 'Jahresbericht-2024-Stadtteilkontor-Fredenberg'],
		['Jahresbericht-2024-Stadtteilkontor Suthwiesenstraße', 'Jahresbericht-2024-Stadtteilkontor-Suthwiesenstrasse'],
		['Stadtteilkontor Salzgitter-Bad Ost/Westsiedlung', 'Stadtteilkontor-Salzgitter-Bad-Ost-Westsiedlung'],
		['Gebietsbericht 2023 Auswahl: Über, Öhr & Ähre', 'Gebietsbericht-2023-Auswahl-Ueber-Oehr-Aehre'],
		['Café "Zé" <x>', 'Cafe-Ze-x'],
		['???', 'Kontoratlas']
	])('%s → %s', (text, slug) => {
		expect(fileSlug(text)).toBe(slug);
	});

	it('makes a Content-Disposition no header can be broken out of', () => {
		expect(attachment('Bericht "x"\r\nSet-Cookie: a=b', 'pdf')).toBe('attachment; filename="Bericht-x-Set-Cookie-a-b.pdf"');
	});
});

describe('renderReportJob', () => {
	it('renders one report as its file, several as a ZIP with one stored entry each', async () => {
		const one = await renderReportJob({ kind: 'report', format: 'docx', docs: [reportFixture()], names: [] });
		expect([...one.subarray(0, 2)]).toEqual([0x50, 0x4b]);
		const second = { ...reportFixture(), subtitle: 'Stadtteilkontor Thiede' };
		const zip = unzipSync(await renderReportJob({ kind: 'report', format: 'pdf', docs: [reportFixture(), second], names: ['a.pdf', 'b.pdf'] }));
		expect(Object.keys(zip)).toEqual(['a.pdf', 'b.pdf']);
		for (const bytes of Object.values(zip)) expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	}, 60_000);
});
