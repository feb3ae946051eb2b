// Previews run in a worker thread: a large upload being checked does not hold up the public API,
// a preview that cannot finish becomes a clear problem with the data untouched, and the pipeline's
// remembered cells outlive each preview's worker.
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, removeStores, snapshot, startAdminServer, type AdminServer } from './helpers';

afterAll(() => removeStores());

async function waitFor(server: AdminServer, text: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!server.output().includes(text)) {
		if (Date.now() > deadline) throw new Error(`the server never logged "${text}":\n${server.output()}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** A large valid long-layout table: every rate indicator, every Stadtteil, 1900–2025 (about 31,000 rows). */
async function bigCsv(base: string): Promise<{ text: string; rows: number }> {
	const catalogue = (await (await fetch(`${base}/api/indicators`)).json()) as
		{ indicators?: { id: string; aggregation: { method: string } }[] } | { id: string; aggregation: { method: string } }[];
	const list = Array.isArray(catalogue) ? catalogue : catalogue.indicators!;
	const rates = list.filter((m) => m.aggregation.method === 'rate').map((m) => m.id);
	const areas = (await (await fetch(`${base}/api/areas?level=stadtteil`)).json()) as { features: { properties: { id: string } }[] };
	const lines = ['Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner'];
	for (const indicator of rates)
		for (const f of areas.features) for (let year = 1900; year <= 2025; year++) lines.push(`${f.properties.id};${indicator};${year};12,0;6;50`);
	return { text: lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}

describe('previews in a worker thread', () => {
	it('the public API answers while a large preview is being computed', async () => {
		const s = await startAdminServer();
		try {
			const admin = new AdminClient(s.url);
			await admin.login();
			const { text, rows } = await bigCsv(s.url);
			expect(rows).toBeGreaterThan(20_000);
			expect(text.length).toBeLessThan(2 * 1024 * 1024);
			const order: string[] = [];
			const preview = admin.previewCsv('gross.csv', text).then((r) => {
				order.push('preview');
				return r;
			});
			// The upload has arrived and the check has begun: now ask the public API.
			await waitFor(s, 'import: preview of gross.csv started');
			let computedBeforeApi: boolean | null = null;
			const api = fetch(`${s.url}/api/indicators`).then(async (r) => {
				expect(r.status).toBe(200);
				await r.json();
				order.push('api');
				computedBeforeApi = s.output().includes('import: preview of gross.csv finished');
			});
			const [p] = await Promise.all([preview, api]);
			// The API answered before the preview's answer, and before its computation was done
			// (in-process, the computation would have held the API request until it finished).
			expect(order).toEqual(['api', 'preview']);
			expect(computedBeforeApi).toBe(false);
			expect(s.output()).toContain('import: preview of gross.csv finished (ready to confirm)');
			// The preview itself is complete and correct.
			expect(p.status, p.text.slice(0, 500)).toBe(200);
			expect(p.text).toContain(`(Langformat, CSV utf-8, ${rows} Werte)`);
			expect(p.previewId).not.toBeNull();
			// The cells of that first preview outlived its worker: the next preview, in a worker of its own, takes them.
			expect(s.output()).toContain('import: preview of gross.csv computed the cells');
			const small = await admin.previewCsv('klein.csv', text.split('\r\n').slice(0, 2).join('\r\n') + '\r\n');
			expect(small.status, small.text.slice(0, 500)).toBe(200);
			expect(small.text).toContain('(Langformat, CSV utf-8, 1 Werte)');
			expect(s.output()).toContain('import: preview of klein.csv finished (ready to confirm)');
			expect(s.output()).not.toContain('import: preview of klein.csv computed the cells');
		} finally {
			s.child.kill();
		}
	});

	it('a preview that exceeds its time limit becomes a problem, and the data stays as it was', async () => {
		const s = await startAdminServer({ KONTORATLAS_PREVIEW_TIMEOUT_MS: '1' });
		try {
			const admin = new AdminClient(s.url);
			await admin.login();
			const before = await snapshot(s.url);
			const p = await admin.previewCsv('x.csv', 'Stadtteil;Indikator;Jahr;Wert;Zähler;Nenner\r\nLebenstedt;SGB-II-Quote;2019;12,0;6.000;50.000\r\n');
			expect(p.status).toBe(422);
			expect(p.previewId).toBeNull();
			expect(p.text).toContain('x.csv die Prüfung der Datei dauerte länger als 1 ms und wurde abgebrochen; nichts wurde geschrieben');
			expect(await snapshot(s.url)).toBe(before);
			// The server is fine afterwards.
			expect((await fetch(`${s.url}/api/indicators`)).status).toBe(200);
		} finally {
			s.child.kill();
		}
	});
});
