// Numbers as German offices write them: decimal comma, thousands dots ("1.234,5"), and the signs
// of official statistics for "no figure" ("–", ".", "x", "…").

import type { ImporterKey } from '$lib/i18n/importer';

export type NumberCell = { ok: true; value: number | null } | { ok: false; key: ImporterKey };

const EMPTY = new Set(['', '-', '–', '—', '.', 'x', 'X', '…', '...', '/', 'k.A.', 'k. A.']);
const GERMAN = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

export function parseGermanNumber(raw: string): NumberCell {
	const s = raw.replace(/[\u00a0\u202f ]/g, '').trim();
	if (EMPTY.has(s)) return { ok: true, value: null };
	if (!GERMAN.test(s)) {
		if (/^[+-]?\d+\.\d{1,2}$/.test(s) || /^[+-]?\d+\.\d{4,}$/.test(s)) return { ok: false, key: 'data.decimalPoint' };
		return { ok: false, key: 'data.notGermanNumber' };
	}
	const value = Number(s.replace(/\./g, '').replace(',', '.'));
	if (!Number.isFinite(value)) return { ok: false, key: 'data.numberRange' };
	return { ok: true, value };
}
