// Numbers as German offices write them: decimal comma, thousands dots ("1.234,5"), and the signs
// of official statistics for "no figure" ("–", ".", "x", "…").

export type NumberCell = { ok: true; value: number | null } | { ok: false; message: string };

const EMPTY = new Set(['', '-', '–', '—', '.', 'x', 'X', '…', '...', '/', 'k.A.', 'k. A.']);
const GERMAN = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

export function parseGermanNumber(raw: string): NumberCell {
	const s = raw.replace(/[\u00a0\u202f ]/g, '').trim();
	if (EMPTY.has(s)) return { ok: true, value: null };
	if (!GERMAN.test(s)) {
		if (/^[+-]?\d+\.\d{1,2}$/.test(s) || /^[+-]?\d+\.\d{4,}$/.test(s))
			return { ok: false, message: 'looks like a decimal point; German files use a decimal comma (12,5) and thousands dots (1.234)' };
		return { ok: false, message: 'not a number in German notation (decimal comma, thousands dots, e.g. 1.234,5)' };
	}
	const value = Number(s.replace(/\./g, '').replace(',', '.'));
	if (!Number.isFinite(value)) return { ok: false, message: 'number out of range' };
	return { ok: true, value };
}
