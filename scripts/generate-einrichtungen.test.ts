// The shipped facility Beispieldaten are exactly what their generator writes from the shipped
// geodata/: a change of boundaries, Kontore or the model shows up here, not as silent drift.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('facility Beispieldaten', () => {
	it('are reproduced by scripts/generate-einrichtungen.ts', () => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-einrichtungen.ts', '--check'], { encoding: 'utf8', timeout: 120_000 });
		expect(r.stderr + r.stdout).toMatch(/are what the generator writes/);
		expect(r.status).toBe(0);
	}, 120_000);
});
