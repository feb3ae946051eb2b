// The embed's own URL options (on top of the atlas view). The iframe snippet the atlas offers is in
// embedSnippet.ts: the bundler gives every page all of a module that any page uses, and /embed
// needs only the parsing (330 B gzip less on /embed, npm run bench:size).
export interface EmbedOptions {
	legend: boolean;
	/** Zoom buttons on the map. */
	controls: boolean;
	/** Height of the map in px. */
	height: number;
}

export const EMBED_HEIGHT = { min: 240, max: 1200, default: 420 } as const;

export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
	const h = Number(params.get('height'));
	return {
		legend: params.get('legend') !== '0',
		controls: params.get('controls') !== '0',
		height: Number.isInteger(h) && h >= EMBED_HEIGHT.min && h <= EMBED_HEIGHT.max ? h : EMBED_HEIGHT.default
	};
}
