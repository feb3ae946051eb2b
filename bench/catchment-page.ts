// Catchment page to first figures: navigation → the first frame painted with the residents-reached
// figures of /erreichbarkeit, in headless Chromium against the built server, against the atlas's
// map load (navigation → first idle with the districts drawn, as bench/map-load.ts measures it)
// in the same run. Cold loads, a fresh browser each, interleaved.
// `npx tsx bench/catchment-page.ts [--json] [--loads N]`
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../tests/chromium';
import { startServer } from '../tests/global-setup';
import { median, ms, times, type BenchRow } from './lib';
import { load as mapLoad } from './map-load';

export interface CatchmentPageResult {
	rows: BenchRow[];
	figures: number[];
	atlas: number[];
}

/** Runs before the page's scripts: the time of the first frame after the figures are in the document. Plain JavaScript (see map-load.ts). */
const HOOK_FIGURES = `(() => {
	const seen = () => {
		if (window.__benchFigures || !document.querySelector('[data-value="any-points"]')) return false;
		window.__benchFigures = -1;
		requestAnimationFrame(() => (window.__benchFigures = performance.now()));
		return true;
	};
	new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
})();`;

async function figuresLoad(url: string): Promise<number> {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
		await page.addInitScript({ content: HOOK_FIGURES });
		await page.goto(url);
		const handle = await page.waitForFunction(
			() => {
				const t = (window as unknown as { __benchFigures?: number }).__benchFigures;
				return t !== undefined && t > 0 && t;
			},
			undefined,
			{ timeout: 60_000 }
		);
		return (await handle.jsonValue()) as number;
	} finally {
		await browser.close();
	}
}

export async function benchCatchmentPage(options: { loads?: number; log?: (s: string) => void } = {}): Promise<CatchmentPageResult> {
	const loads = options.loads ?? 10;
	const log = options.log ?? (() => {});
	const server = await startServer();
	try {
		const page = server.url + '/erreichbarkeit';
		const atlasUrl = server.url + '/';
		// Not counted: the server's first render, the default scenario and the encodings are warm for both.
		await figuresLoad(page);
		await mapLoad(atlasUrl, 'choropleth');
		const figures: number[] = [];
		const atlas: number[] = [];
		for (let i = 0; i < loads; i++) {
			// Alternate the order so drift in the machine's load hits both alike.
			const pair = i % 2 === 0 ? ['figures', 'atlas'] : ['atlas', 'figures'];
			for (const which of pair) {
				if (which === 'figures') figures.push(await figuresLoad(page));
				else atlas.push((await mapLoad(atlasUrl, 'choropleth')).t);
			}
			log(`  catchment page ${i + 1}/${loads}: first figures ${ms(figures[i])}, atlas map load ${ms(atlas[i])}`);
		}
		const f = median(figures);
		const a = median(atlas);
		return {
			rows: [
				{
					figure: 'catchment page: navigation → first figures',
					value: ms(f),
					baseline: ms(a),
					ratio: times(f / a),
					target: '≤ 1.20×',
					pass: f / a <= 1.2,
					note: `median of ${loads} cold loads each (fresh headless Chromium per load, interleaved): the first frame painted with the residents-reached figures of /erreichbarkeit (computed once per data version in the server's analysis pool and sent with the page); baseline: the atlas's map load (navigation → first idle with the districts drawn) in the same run`
				}
			],
			figures,
			atlas
		};
	} finally {
		server.child.kill();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const json = process.argv.includes('--json');
	const k = process.argv.indexOf('--loads');
	const result = await benchCatchmentPage({ loads: k > 0 ? Number(process.argv[k + 1]) : undefined, log: json ? undefined : console.log });
	console.log(json ? JSON.stringify(result) : result.rows.map((r) => `${r.figure}: ${r.value} vs ${r.baseline} = ${r.ratio} (target ${r.target})`).join('\n'));
}
