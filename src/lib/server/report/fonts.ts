// The fonts of the PDF and of the figures' PNG fallback: Roboto (Apache License 2.0) as the pdfmake
// package ships it, read from node_modules at run time. pdfmake is a dependency (external to the
// server build), so the same path resolves under `vite dev`, in tests and in `build/` on a production
// install (`npm ci --omit=dev`); nothing is copied or inlined by the build.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFiles {
	normal: string;
	bold: string;
	italics: string;
	bolditalics: string;
}

let cached: FontFiles | null = null;

/** The four Roboto files; throws (once, at the first report) when the package lacks them. */
export function robotoFiles(): FontFiles {
	if (cached) return cached;
	const dir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
	const files = {
		normal: join(dir, 'Roboto-Regular.ttf'),
		bold: join(dir, 'Roboto-Medium.ttf'),
		italics: join(dir, 'Roboto-Italic.ttf'),
		bolditalics: join(dir, 'Roboto-MediumItalic.ttf')
	};
	const missing = Object.values(files).filter((f) => !existsSync(f));
	if (missing.length) throw new Error(`report fonts missing (is pdfmake installed?): ${missing.join(', ')}`);
	cached = files;
	return files;
}
