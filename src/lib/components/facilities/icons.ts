// The facility icons, drawn by hand on a 20 × 20 grid: a coloured disc with a white outline and a
// glyph. One definition serves both renderers: inline SVG in the page (list, card, filter) and,
// rasterised in the browser with Path2D at the screen's pixel ratio, MapLibre images (map.addImage).
// Nothing is fetched: no sprite file, no network, and no CSP exception for images.

export interface FacilityIcon {
	/** Disc colour; every one carries its glyph at a contrast of at least 3:1 (WCAG 1.4.11). */
	background: string;
	glyph: string;
	/** SVG path data in the 20 × 20 grid, filled with the even-odd rule (holes are sub-paths). */
	paths: string[];
}

/** A disc of radius r around (cx, cy) as path data. */
const disc = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
/** The upper half of a disc standing on the line y = cy (a person's shoulders). */
const shoulders = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 0 1 ${2 * r} 0Z`;

export const FACILITY_ICONS = {
	kita: { background: '#c2410c', glyph: '#ffffff', paths: [disc(7.6, 7.6, 1.9), shoulders(7.6, 14.6, 3.2), disc(13.6, 12.8, 1.9)] },
	grundschule: { background: '#1d4ed8', glyph: '#ffffff', paths: ['M10 4L16 8.6V15.6H4V8.6ZM8.6 15.6V11.8H11.4V15.6Z'] },
	'weiterfuehrende-schule': {
		background: '#1e3a8a',
		glyph: '#ffffff',
		paths: ['M10 5L17 8.6L10 12.2L3 8.6Z', 'M6 10.6V13.6Q10 16.2 14 13.6V10.6L10 12.8Z']
	},
	jugendtreff: {
		background: '#7e22ce',
		glyph: '#ffffff',
		paths: [disc(7.6, 13.8, 1.9), disc(13.4, 12.8, 1.9), 'M8.4 6H9.6V13.8H8.4Z', 'M14.2 5H15.4V12.8H14.2Z', 'M8.4 5.8L15.4 4.4V6.2L8.4 7.6Z']
	},
	familienzentrum: {
		background: '#be185d',
		glyph: '#ffffff',
		paths: [disc(6, 6.8, 1.7), shoulders(6, 14.6, 2.8), disc(14, 6.8, 1.7), shoulders(14, 14.6, 2.8), disc(10, 10, 1.3), shoulders(10, 15.4, 2)]
	},
	seniorentreff: {
		background: '#0f766e',
		glyph: '#ffffff',
		paths: ['M5 7.6H13V11.6A4 4 0 0 1 5 11.6Z', 'M13 8.6H14.4A2 2 0 0 1 14.4 12.6H12.6V11.4H14.4A0.8 0.8 0 0 0 14.4 9.8H13Z', 'M4 15H14V16.2H4Z']
	},
	beratungsstelle: { background: '#0369a1', glyph: '#ffffff', paths: [disc(10, 5.8, 1.5), 'M8.4 8.4H11.2V14.4H12.2V15.8H7.8V14.4H8.8V9.8H8.4Z'] },
	arztpraxis: { background: '#b91c1c', glyph: '#ffffff', paths: ['M8.5 4.5H11.5V8.5H15.5V11.5H11.5V15.5H8.5V11.5H4.5V8.5H8.5Z'] },
	apotheke: { background: '#dc2626', glyph: '#ffffff', paths: ['M10 4L15.4 16H12.9L11.8 13.4H8.2L7.1 16H4.6ZM10 7.9L8.8 11.3H11.2Z'] },
	haltestelle: { background: '#facc15', glyph: '#14532d', paths: ['M6 5H8.5V8.8H11.5V5H14V15H11.5V11.2H8.5V15H6Z'] },
	sportstaette: {
		background: '#15803d',
		glyph: '#ffffff',
		paths: ['M3.4 8H5.8V12H3.4Z', 'M6 6.4H8V13.6H6Z', 'M8 9.2H12V10.8H8Z', 'M12 6.4H14V13.6H12Z', 'M14.2 8H16.6V12H14.2Z']
	},
	netzwerkpartner: {
		background: '#4d5a52',
		glyph: '#ffffff',
		paths: [
			disc(10, 5.6, 2),
			disc(5.4, 14, 2),
			disc(14.6, 14, 2),
			'M9.4 5.3L4.8 13.7L6 14.3L10.6 5.9Z',
			'M10.6 5.3L15.2 13.7L14 14.3L9.4 5.9Z',
			'M5.4 13.4H14.6V14.6H5.4Z'
		]
	},
	/** Any type the register gains before it has its own icon. */
	einrichtung: { background: '#374151', glyph: '#ffffff', paths: [disc(10, 10, 3.2)] }
} satisfies Record<string, FacilityIcon>;

export type FacilityIconId = keyof typeof FACILITY_ICONS;
export const FALLBACK_ICON: FacilityIconId = 'einrichtung';

/** The icon of a sprite id, the generic one for an id this app version does not know. */
export const facilityIcon = (id: string | undefined): FacilityIcon =>
	FACILITY_ICONS[(id && Object.hasOwn(FACILITY_ICONS, id) ? id : FALLBACK_ICON) as FacilityIconId];

/** The MapLibre image name of an icon id (a prefix keeps them apart from the fill patterns). */
export const mapImageId = (id: string) => `fac-${Object.hasOwn(FACILITY_ICONS, id) ? id : FALLBACK_ICON}`;

/** Outline of the disc, so an icon stands out on any fill of the choropleth. */
export const DISC = { cx: 10, cy: 10, r: 9, outline: 1.6 } as const;

/** A standalone SVG document of an icon (for the card's and list's inline use and for tests). */
export function iconSvg(id: string, size = 20): string {
	const icon = facilityIcon(id);
	const glyphs = icon.paths.map((d) => `<path d="${d}" fill="${icon.glyph}" fill-rule="evenodd"/>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 20 20" aria-hidden="true"><circle cx="${DISC.cx}" cy="${DISC.cy}" r="${DISC.r}" fill="${icon.background}" stroke="#ffffff" stroke-width="${DISC.outline}"/>${glyphs}</svg>`;
}

/**
 * An icon rasterised for MapLibre at `px` CSS pixels and the device's pixel ratio: the same disc
 * and paths drawn with Path2D on a canvas (no image decoding, so it is ready synchronously).
 */
export function rasteriseIcon(id: string, px: number, pixelRatio: number): { width: number; height: number; data: Uint8ClampedArray } {
	const icon = facilityIcon(id);
	const size = Math.round(px * pixelRatio);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	const ctx = canvas.getContext('2d')!;
	ctx.scale(size / 20, size / 20);
	ctx.beginPath();
	ctx.arc(DISC.cx, DISC.cy, DISC.r, 0, 2 * Math.PI);
	ctx.fillStyle = icon.background;
	ctx.fill();
	ctx.lineWidth = DISC.outline;
	ctx.strokeStyle = '#ffffff';
	ctx.stroke();
	ctx.fillStyle = icon.glyph;
	for (const d of icon.paths) ctx.fill(new Path2D(d), 'evenodd');
	return { width: size, height: size, data: ctx.getImageData(0, 0, size, size).data };
}
