// The boundary rule of eslint.config.js, run through ESLint's Node API on sources placed in each
// layer: an import against the direction is an error naming both layers, one along it is none.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The messages ESLint gives for `code` as if it were the file at `path` (relative to the root). */
async function lint(path: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
	return result.messages;
}

// The first lint loads the whole config (Svelte and TypeScript parsers): seconds on a busy machine.
describe('boundaries/dependencies', { timeout: 60_000 }, () => {
	it.each([
		['src/lib/geo/x.ts', '$lib/components/map/mapSetup', 'lib', 'components'],
		['src/lib/geo/x.ts', '$lib/server/svgMap', 'lib', 'server'],
		['src/lib/stats/x.ts', '../state/view', 'lib', 'state'],
		['src/lib/data/x.ts', './pipeline', 'lib', 'pipeline'],
		['src/lib/server/x.ts', '$lib/client/atlasView', 'server', 'client'],
		['src/lib/server/x.ts', '$lib/components/map/SvgMap.svelte', 'server', 'components'],
		['src/lib/components/panels/X.ts', '$lib/server/store', 'components', 'server'],
		['src/routes/x/+page.ts', '$lib/server/store', 'pages', 'server']
	])('%s importing %s is an error', async (path, source, from, to) => {
		const messages = await lint(path, `import * as m from '${source}';\nexport const x = m;\n`);
		expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['boundaries/dependencies', 2]]);
		expect(messages[0].message).toBe(`${from} must not import ${to}: imports point one way (README, Architecture)`);
	});

	it.each([
		['src/lib/geo/x.ts', '$lib/stats/classify'],
		['src/lib/geo/x.ts', '$lib/map/labels'],
		['src/lib/server/x.ts', '$lib/state/view'],
		['src/lib/server/x.ts', '$lib/data/pipeline'],
		['src/lib/components/panels/X.ts', '$lib/data/responses'],
		['src/routes/x/+server.ts', '$lib/components/map/SvgMap.svelte'],
		['src/routes/x/+page.ts', '$lib/client/atlasView']
	])('%s importing %s is allowed', async (path, source) => {
		expect(await lint(path, `import * as m from '${source}';\nexport const x = m;\n`)).toEqual([]);
	});
});
