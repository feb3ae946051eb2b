import { describe, expect, it } from 'vitest';
import { DatasetMeta, sidecarText } from './contracts';

const meta = {
	id: 'x',
	title: { de: 'X', en: 'X' },
	description: { de: 'X', en: 'X' },
	source: [{ name: 'Stadt Salzgitter' }],
	licence: 'dl-de/by-2-0',
	attribution: 'Stadt Salzgitter',
	date: '2023-12-31',
	collected: '2026-11-24',
	beispieldaten: false,
	caveats: []
};

describe('provenance sidecars', () => {
	it('name source, licence and date, and read back as written', () => {
		expect(DatasetMeta.parse(JSON.parse(sidecarText(meta)))).toEqual(meta);
	});

	it('still load when written with the older names sources and referenceDate', () => {
		const { source, date, ...rest } = meta;
		expect(DatasetMeta.parse({ ...rest, sources: source, referenceDate: date })).toEqual(meta);
	});

	it('are refused without a source, a licence or a date', () => {
		for (const key of ['source', 'licence', 'date'] as const) {
			const { [key]: _, ...without } = meta;
			expect(DatasetMeta.safeParse(without).success, key).toBe(false);
		}
	});
});
