// A geodata/-like folder as the text files a version keeps, by relative name. Free of SvelteKit
// imports, so the command-line tools (`npm run data:reseed`) read the folder as the server's seed does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function readSourceDir(dir: string): Map<string, string> {
	const names = readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
		.filter((f) => /\.(csv|json|geojson)$/.test(f))
		.sort();
	return new Map(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}
