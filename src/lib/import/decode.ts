// Text of an uploaded file: UTF-8 with or without BOM, or Windows-1252 as older Excel versions
// save "CSV (Trennzeichen-getrennt)"; a file that mixes both is refused with the first row at fault.
import type { DataProblem } from '$lib/data/problems';

export type Encoding = 'utf-8' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding; bom: boolean } | { ok: false; problems: DataProblem[] };

/** UTF-8 read as Windows-1252 shows as "Ã¼", "Ã¤", "â€“"…: the mark of a file with both encodings. */
const UTF8_AS_1252 =
	/[ÂÃ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â€/;

/**
 * Windows-1252's bytes 0x80–0x9F ("–", "•", "€", curly quotes). Node's TextDecoder decodes them as
 * Latin-1 control characters, so they are mapped here (undefined bytes stay as they are).
 */
const CP1252_C1 =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeText(bytes: Uint8Array, file: string): Decoded {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		return { ok: false, problems: [{ file, key: 'data.utf16' }] };
	}
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	if (body.includes(0)) return { ok: false, problems: [{ file, key: 'data.nul' }] };
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
	} catch {
		if (bom) return { ok: false, problems: [{ file, key: 'data.bomNotUtf8' }] };
	}
	const text = new TextDecoder('windows-1252').decode(body).replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
	const lines = text.split(/\r\n|\n|\r/);
	const mixed = lines.findIndex((l) => UTF8_AS_1252.test(l));
	if (mixed >= 0) {
		return {
			ok: false,
			problems: [
				{
					file,
					row: mixed,
					key: 'data.mixedEncodings'
				}
			]
		};
	}
	return { ok: true, text, encoding: 'windows-1252', bom: false };
}
