// Import resolver for the boundary rule (eslint-plugin-boundaries resolves imports through
// eslint-plugin-import's resolver interface, version 2): SvelteKit's `$lib` alias to src/lib, then
// Node's resolution with the extensions our sources use. Without it every `$lib/…` import would be
// unresolved and the rule would see no dependency at all.
const path = require('node:path');
const node = require('eslint-import-resolver-node');

const LIB = path.join(__dirname, 'src', 'lib');
const EXTENSIONS = ['.ts', '.js', '.svelte', '.mjs', '.json'];

exports.interfaceVersion = 2;
exports.resolve = (source, file) => {
	const target = source === '$lib' || source.startsWith('$lib/') ? path.join(LIB, source.slice('$lib'.length)) : source;
	// Vite's query suffixes (`?url`, `?worker`) name the same file.
	return node.resolve(target.replace(/\?.*$/, ''), file, { extensions: EXTENSIONS });
};
