import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { match, ROUTE_FOLDERS } from './level';

describe('the level matcher', () => {
	it('knows every top-level route folder, so /ogc/… or /api/… never reach an area profile', () => {
		const folders = readdirSync(join(import.meta.dirname, '..', 'routes'), { withFileTypes: true })
			.filter((e) => e.isDirectory() && !e.name.startsWith('['))
			.map((e) => e.name)
			.sort();
		expect([...ROUTE_FOLDERS].sort()).toEqual(folders);
		for (const folder of folders) expect(match(folder)).toBe(false);
	});

	it('accepts level-id shapes only', () => {
		expect(match('bezirk')).toBe(true);
		expect(match('statistischer-bezirk')).toBe(true);
		expect(match('Bezirk')).toBe(false);
		expect(match('a_b')).toBe(false);
	});
});
