// PNG export of the current map view: the WebGL canvas copied in the frame it was drawn, plus
// title, labels, legend, source, attribution and data status drawn on a 2D canvas.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { placeLabels } from '$lib/map/labels';
import type { Choropleth } from '$lib/stats/choropleth';

/** A class colour, or one of the hatched styles of areas without a colour. */
export type Swatch = string | 'nodata' | 'suppressed';

export interface PngContent {
	title: string;
	subtitle: string;
	legend: { colour: Swatch; text: string }[];
	notes: string[];
	labels: { id: string; text: string; lngLat: [number, number]; priority: number }[];
}

const LEGEND_W = 300;
const HEADER_H = 56;
const LINE = 18;

/**
 * The legend of the export: the classes with their ranges and counts, then "keine Angabe" and
 * "unterdrückt" where the view has such areas (as the on-screen legend, Legend.svelte).
 */
export function pngLegend(
	choropleth: Pick<Choropleth, 'colours' | 'breaks' | 'counts' | 'noData' | 'suppressed'>,
	fmt: (x: number) => string,
	t: (key: 'legend.noData' | 'legend.suppressed') => string
): PngContent['legend'] {
	return [
		...choropleth.colours.map((colour, i) => ({ colour, text: `${fmt(choropleth.breaks[i])} – ${fmt(choropleth.breaks[i + 1])} (${choropleth.counts[i]})` })),
		...(choropleth.noData.length ? [{ colour: 'nodata' as const, text: `${t('legend.noData')} (${choropleth.noData.length})` }] : []),
		...(choropleth.suppressed.length ? [{ colour: 'suppressed' as const, text: `${t('legend.suppressed')} (${choropleth.suppressed.length})` }] : [])
	];
}

/** Hatching as on the map (map/patterns.ts): diagonal for "keine Angabe", crossed for "unterdrückt". */
const HATCH = { nodata: { ink: '#6e6e6e', cross: false, step: 4 }, suppressed: { ink: '#5a5a5a', cross: true, step: 6 } } as const;

export type SwatchCanvas = Pick<
	CanvasRenderingContext2D,
	'fillStyle' | 'strokeStyle' | 'lineWidth' | 'save' | 'restore' | 'beginPath' | 'rect' | 'clip' | 'fillRect' | 'moveTo' | 'lineTo' | 'stroke' | 'strokeRect'
>;

/** One legend swatch: a class colour, or white with the hatching of its style; framed. */
export function drawSwatch(g: SwatchCanvas, colour: Swatch, x: number, y: number, w = 18, h = 14): void {
	const hatch = colour === 'nodata' || colour === 'suppressed' ? HATCH[colour] : null;
	if (hatch) {
		g.save();
		g.beginPath();
		g.rect(x, y, w, h);
		g.clip();
		g.fillStyle = '#ffffff';
		g.fillRect(x, y, w, h);
		g.strokeStyle = hatch.ink;
		// Thin lines whatever the label halos left set: the hatching must stay visible as hatching.
		g.lineWidth = 1;
		const line = (x0: number, y0: number, x1: number, y1: number) => {
			g.beginPath();
			g.moveTo(x0, y0);
			g.lineTo(x1, y1);
			g.stroke();
		};
		for (let k = -h; k < w; k += hatch.step) {
			line(x + k, y + h, x + k + h, y);
			if (hatch.cross) line(x + k, y, x + k + h, y + h);
		}
		g.restore();
	} else {
		g.fillStyle = colour;
		g.fillRect(x, y, w, h);
	}
	g.strokeStyle = '#00000055';
	g.strokeRect(x, y, w, h);
}

/** Waits for the next frame MapLibre renders and copies its canvas while the buffer is valid. */
function grabCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
	return new Promise((resolve) => {
		map.once('render', () => {
			const src = map.getCanvas();
			const copy = document.createElement('canvas');
			copy.width = src.width;
			copy.height = src.height;
			copy.getContext('2d')!.drawImage(src, 0, 0);
			resolve(copy);
		});
		map.triggerRepaint();
	});
}

export async function mapToPng(map: MapLibreMap, content: PngContent): Promise<Blob> {
	const shot = await grabCanvas(map);
	const css = map.getCanvas();
	const w = css.clientWidth;
	const h = css.clientHeight;
	const notesH = (content.notes.length + 1) * LINE;
	const out = document.createElement('canvas');
	const scale = shot.width / w;
	out.width = Math.round((w + LEGEND_W) * scale);
	out.height = Math.round((HEADER_H + Math.max(h, content.legend.length * 22 + 20) + notesH) * scale);
	const g = out.getContext('2d')!;
	g.scale(scale, scale);
	g.fillStyle = '#ffffff';
	g.fillRect(0, 0, w + LEGEND_W, out.height / scale);
	g.fillStyle = '#1f2a24';
	g.font = '600 20px system-ui, sans-serif';
	g.fillText(content.title, 12, 26);
	g.font = '14px system-ui, sans-serif';
	g.fillText(content.subtitle, 12, 46);
	g.drawImage(shot, 0, HEADER_H, w, h);

	g.font = '600 13px system-ui, sans-serif';
	g.textAlign = 'center';
	g.textBaseline = 'middle';
	const placed = placeLabels(
		content.labels.map((l) => ({ ...l, ...map.project(l.lngLat), width: g.measureText(l.text).width })),
		w,
		h
	);
	for (const l of placed) {
		g.lineWidth = 3;
		g.strokeStyle = '#ffffff';
		g.strokeText(l.text, l.x, HEADER_H + l.y);
		g.fillStyle = '#1f2a24';
		g.fillText(l.text, l.x, HEADER_H + l.y);
	}

	g.textAlign = 'left';
	g.textBaseline = 'alphabetic';
	g.font = '13px system-ui, sans-serif';
	content.legend.forEach((item, i) => {
		const y = HEADER_H + 10 + i * 22;
		const x = w + 16;
		drawSwatch(g, item.colour, x, y);
		g.fillStyle = '#1f2a24';
		g.fillText(item.text, x + 26, y + 12);
	});

	g.font = '12px system-ui, sans-serif';
	g.fillStyle = '#4d5a52';
	const top = HEADER_H + Math.max(h, content.legend.length * 22 + 20) + LINE;
	content.notes.forEach((n, i) => g.fillText(n, 12, top + i * LINE));

	return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
