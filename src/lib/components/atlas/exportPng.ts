// PNG export of the current map view: the WebGL canvas copied in the frame it was drawn, plus
// title, labels, legend, source, attribution and data status drawn on a 2D canvas.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { placeLabels } from '$lib/components/map/labels';

export interface PngContent {
	title: string;
	subtitle: string;
	legend: { colour: string | 'nodata'; text: string }[];
	notes: string[];
	labels: { id: string; text: string; lngLat: [number, number]; priority: number }[];
}

const LEGEND_W = 300;
const HEADER_H = 56;
const LINE = 18;

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
		content.labels.map((l) => ({ ...l, ...map.project(l.lngLat) })),
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
		if (item.colour === 'nodata') {
			g.save();
			g.beginPath();
			g.rect(x, y, 18, 14);
			g.clip();
			g.fillStyle = '#ffffff';
			g.fillRect(x, y, 18, 14);
			g.strokeStyle = '#6e6e6e';
			for (let k = -14; k < 18; k += 4) {
				g.beginPath();
				g.moveTo(x + k, y + 14);
				g.lineTo(x + k + 14, y);
				g.stroke();
			}
			g.restore();
		} else {
			g.fillStyle = item.colour;
			g.fillRect(x, y, 18, 14);
		}
		g.strokeStyle = '#00000055';
		g.strokeRect(x, y, 18, 14);
		g.fillStyle = '#1f2a24';
		g.fillText(item.text, x + 26, y + 12);
	});

	g.font = '12px system-ui, sans-serif';
	g.fillStyle = '#4d5a52';
	const top = HEADER_H + Math.max(h, content.legend.length * 22 + 20) + LINE;
	content.notes.forEach((n, i) => g.fillText(n, 12, top + i * LINE));

	return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
