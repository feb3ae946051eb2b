// Lint for the whole tree: JavaScript and TypeScript recommended rules, Svelte's recommended rules,
// and the import direction of docs/architecture (pure lib → server → routes → components) as a rule,
// so a module that reaches back up fails CI instead of waiting for a review.
import js from '@eslint/js';
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
		// Tests read foreign JSON documents (DCAT, OGC) whose shape is what they check.
		files: ['tests/**/*.ts', '**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
