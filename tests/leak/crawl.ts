// Fetches URLs with bounded concurrency, turns each answer into the text a reader could get out
// of it (PDF text, the XML inside DOCX and ZIP files), and collects same-origin links to follow.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { hasPoppler, pageTexts, popplerRequired, POPPLER_HINT } from '../fixtures/poppler';

export interface Answer {
	url: string;
	status: number;
	type: string;
	/** Headers and decoded body, as one text to scan. */
	text: string;
	/** Same-origin paths (with query) this answer links to. */
	links: string[];
}

const decoder = new TextDecoder();
/** Headers that carry content (a file name, a link, a redirect); lengths, dates, ETags and nonces do not. */
const SCANNED_HEADERS = /^(content-disposition|content-type|location|link|x-.*)$/;

const starts = (bytes: Uint8Array, magic: string) => magic.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

/** The readable text of a file, by its first bytes (a problem answer may stand in for a PDF): PDF
 * text through pdftotext, archives (ZIP, DOCX, XLSX) opened and each entry read in turn. */
export function readable(bytes: Uint8Array): string {
	if (starts(bytes, '%PDF')) {
		if (!hasPoppler) {
			if (popplerRequired) throw new Error(`pdftotext is missing (${POPPLER_HINT})`);
			return '';
		}
		return pageTexts(bytes).join('\n');
	}
	if (starts(bytes, 'PK\x03\x04'))
		return Object.entries(unzipSync(bytes))
			.map(([entry, data]) => `${entry}\n${readable(data)}`)
			.join('\n');
	return decoder.decode(bytes);
}

/** Files the build made before this test's data existed: they cannot carry it (and hold code literals). */
export function isBuildAsset(path: string): boolean {
	const pathname = path.split('?')[0];
	return pathname.startsWith('/_app/') || (/\.[a-z0-9]+$/.test(pathname) && existsSync(join('build/client', pathname)));
}

function linksOf(text: string, type: string, origin: string): string[] {
	const raw: string[] = [];
	if (type.includes('html')) for (const m of text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) raw.push(m[1]);
	if (type.includes('json')) for (const m of text.matchAll(/"href"\s*:\s*"([^"]*)"/g)) raw.push(m[1]);
	const out: string[] = [];
	for (const href of raw) {
		let url: URL;
		try {
			url = new URL(href.replace(/&amp;/g, '&'), origin + '/');
		} catch {
			continue;
		}
		if (url.origin !== origin) continue;
		out.push(url.pathname + url.search);
	}
	return out;
}

/** `/path?query` is a GET; `POST /path?query` a POST, whose body `get` supplies. */
export const requestOf = (entry: string) => {
	const m = /^(POST) (.*)$/.exec(entry);
	return m ? { method: m[1], path: m[2] } : { method: 'GET', path: entry };
};

export async function fetchAll(base: string, paths: string[], get: (url: string, method: string) => Promise<Response>, concurrency = 8): Promise<Answer[]> {
	const answers: Answer[] = new Array(paths.length);
	let next = 0;
	const worker = async () => {
		while (next < paths.length) {
			const i = next++;
			const { method, path } = requestOf(paths[i]);
			const url = base + path;
			let res = await get(url, method);
			// A busy analysis pool answers 503 with Retry-After; a polite client asks again.
			for (let tries = 0; res.status === 503 && res.headers.has('retry-after') && tries < 10; tries++) {
				await res.arrayBuffer();
				await new Promise((r) => setTimeout(r, Math.min(Number(res.headers.get('retry-after')) || 1, 3) * 1000));
				res = await get(url, method);
			}
			const type = res.headers.get('content-type') ?? '';
			const bytes = new Uint8Array(await res.arrayBuffer());
			const headers = [...res.headers]
				.filter(([k]) => SCANNED_HEADERS.test(k))
				.map(([k, v]) => `${k}: ${v}`)
				.join('\n');
			const body = readable(bytes);
			answers[i] = { url: paths[i], status: res.status, type, text: `${headers}\n\n${body}`, links: linksOf(body, type, base) };
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return answers;
}
