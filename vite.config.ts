import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// MapLibre alone is ~1 MB minified and loads lazily with the map; the size budget lives in
		// the size benchmark, not in this warning.
		chunkSizeWarningLimit: 1200
	},
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		// At least two files at a time (Vitest's default, one less than the cores, ran the whole suite one
		// file after another on CI's two). Most of an e2e file's time is waiting on its server, browser and
		// timeouts, which the other file fills.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['./tests/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Each e2e file has servers and stores of its own or only reads the shared one. Two at a
					// time: each drives a server and often a Chromium, and more would starve them.
					maxWorkers: 2
				}
			}
		]
	}
});
