// The iframe snippet the atlas's "Karte einbetten" dialog offers: sizes, the embed URL of a view and
// the escaped <iframe>. Apart from embed.ts (the options /embed parses) so /embed does not load it.
import { EMBED_HEIGHT, type EmbedOptions } from './embed';

export const EMBED_SIZES = [
	{ id: 'small', width: 480, height: 320 },
	{ id: 'medium', width: 720, height: 420 },
	{ id: 'large', width: 960, height: 560 }
] as const;

/** Height of the frame around a map of `mapHeight` px: header, notes and (optionally) the legend. */
export const frameHeight = (mapHeight: number, legend: boolean) => mapHeight + (legend ? 260 : 120);

/** The embed URL of a view (its serialised parameters) with the embed options; defaults left out. */
export function embedUrl(origin: string, view: URLSearchParams, options: EmbedOptions): string {
	const p = new URLSearchParams(view);
	p.delete('renderer');
	if (!options.legend) p.set('legend', '0');
	if (!options.controls) p.set('controls', '0');
	if (options.height !== EMBED_HEIGHT.default) p.set('height', String(options.height));
	const q = p.toString();
	return `${origin}/embed${q ? `?${q}` : ''}`;
}

/**
 * The view with or without the facility layer, for the embed: on keeps the atlas's type filter
 * (all types where the atlas shows none), off drops it.
 */
export function withFacilities(view: URLSearchParams, on: boolean): URLSearchParams {
	const p = new URLSearchParams(view);
	if (!on) p.delete('einr');
	else if (!p.get('einr') || p.get('einr') === 'keine') p.set('einr', 'alle');
	return p;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, width: number | '100%', height: number, title: string): string {
	return `<iframe src="${escapeAttr(src)}" width="${width}" height="${height}" title="${escapeAttr(title)}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
