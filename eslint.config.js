// Lint for the whole tree: JavaScript and TypeScript recommended rules, Svelte's recommended rules,
// and the import direction of README's architecture section (pure lib → server → routes → components)
// as a rule (eslint-plugin-boundaries), so a module that reaches back up fails CI instead of waiting
// for a review.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'derived/', 'data/', 'node_modules/', 'tests/fixtures/', 'static/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// SvelteKit's own links go through resolve() where they are routes; ours are built with the
			// message layer's link helper, which keeps ?lang=.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// The layers of README's architecture section, one way: pipeline and pure lib at the top,
		// then state, server, routes, and the components and pages at the bottom. A file belongs to
		// the first descriptor that matches, so the narrower patterns come first (the pipeline's files
		// in lib/data, the neutral message modules in lib/state, the server-only files among the
		// routes). `mode: 'full'` matches single files; v7 marks it deprecated in favour of folder
		// patterns, which cannot tell a route's +server.ts from the +page.svelte beside it, hence
		// legacy-warnings off.
		files: ['**/*.ts', '**/*.js', '**/*.svelte'],
		plugins: { boundaries },
		settings: {
			'import/resolver': { [fileURLToPath(new URL('./eslint-resolver.cjs', import.meta.url))]: {} },
			'boundaries/legacy-warnings': false,
			'boundaries/elements': [
				// Operations over the running app's store (backups, the admin password hash, the reseed from geodata/, accounts).
				{
					type: 'tools',
					mode: 'full',
					pattern: ['scripts/admin-hash*.ts', 'scripts/db.ts', 'scripts/db-migrate*.ts', 'scripts/reseed*.ts', 'scripts/users.ts']
				},
				{
					type: 'pipeline',
					mode: 'full',
					pattern: [
						'scripts/**',
						'src/lib/data/pipeline*',
						'src/lib/data/pipeline/**',
						'src/lib/data/sources.ts',
						'src/lib/data/stages/**',
						'src/lib/data/beispieldaten*'
					]
				},
				// Pure and neutral: importable by every layer.
				{ type: 'lib', mode: 'full', pattern: ['src/lib/{geo,stats,import,data,facilities,map,i18n,report,auth}/**'] },
				{ type: 'state', mode: 'full', pattern: 'src/lib/state/**' },
				{ type: 'server', mode: 'full', pattern: 'src/lib/server/**' },
				// Browser-side loading (also run by SvelteKit's universal load on the server) and workers.
				{ type: 'client', mode: 'full', pattern: ['src/lib/client/**', 'src/lib/workers/**'] },
				{ type: 'components', mode: 'full', pattern: 'src/lib/components/**' },
				{
					type: 'routes',
					mode: 'full',
					pattern: ['src/routes/**/+server.ts', 'src/routes/**/+page.server.ts', 'src/routes/**/+layout.server.ts', 'src/hooks.server.ts']
				},
				// What runs in the browser: pages, layouts, universal loads, the client hooks.
				{ type: 'pages', mode: 'full', pattern: ['src/routes/**', 'src/hooks.client.ts'] }
			]
		},
		rules: {
			'boundaries/dependencies': [
				'error',
				{
					default: 'disallow',
					message: '{{from.element.type}} must not import {{to.element.type}}: imports point one way (README, Architecture)',
					policies: [
						{ from: { element: { type: 'lib' } }, allow: { to: { element: { type: 'lib' } } } },
						{ from: { element: { type: 'pipeline' } }, allow: { to: { element: { types: { anyOf: ['lib', 'pipeline'] } } } } },
						{ from: { element: { type: 'state' } }, allow: { to: { element: { types: { anyOf: ['lib', 'state'] } } } } },
						// The admin's import preview re-derives an upload with the pipeline's own code.
						{ from: { element: { type: 'server' } }, allow: { to: { element: { types: { anyOf: ['lib', 'state', 'pipeline', 'server'] } } } } },
						{ from: { element: { type: 'tools' } }, allow: { to: { element: { types: { anyOf: ['lib', 'server'] } } } } },
						{ from: { element: { type: 'client' } }, allow: { to: { element: { types: { anyOf: ['lib', 'state', 'client'] } } } } },
						// A route may render a component itself (/embed/karte.svg renders SvgMap.svelte).
						{ from: { element: { type: 'routes' } }, allow: { to: { element: { types: { anyOf: ['lib', 'state', 'server', 'routes', 'components'] } } } } },
						{ from: { element: { type: 'components' } }, allow: { to: { element: { types: { anyOf: ['lib', 'state', 'client', 'components'] } } } } },
						{ from: { element: { type: 'pages' } }, allow: { to: { element: { types: { anyOf: ['lib', 'state', 'client', 'components', 'pages'] } } } } }
					]
				}
			]
		}
	},
	{
		// eslint-module-utils loads import resolvers with require(): ours is CommonJS.
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' }
	},
	{
		// Tests read foreign JSON documents (DCAT, OGC) whose shape is what they check.
		files: ['tests/**/*.ts', '**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
