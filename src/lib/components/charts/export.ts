// Exports of a chart in the browser: the SVG as it is drawn (with its inline attributes, so it
// looks the same elsewhere), a PNG rendered from it at 2×, and the chart's data as German CSV.
import { toGermanCsv, type Cell } from '$lib/data/csv';

function download(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function svgSource(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const box = svg.viewBox.baseVal;
	clone.setAttribute('width', String(box.width));
	clone.setAttribute('height', String(box.height));
	clone.setAttribute('font-family', 'system-ui, sans-serif');
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export function exportSvg(svg: SVGSVGElement, filename: string) {
	download(new Blob([svgSource(svg)], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export function exportPng(svg: SVGSVGElement, filename: string, scale = 2) {
	const box = svg.viewBox.baseVal;
	const img = new Image();
	const url = URL.createObjectURL(new Blob([svgSource(svg)], { type: 'image/svg+xml' }));
	img.onload = () => {
		const canvas = document.createElement('canvas');
		canvas.width = box.width * scale;
		canvas.height = box.height * scale;
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		URL.revokeObjectURL(url);
		canvas.toBlob((blob) => blob && download(blob, `${filename}.png`), 'image/png');
	};
	img.src = url;
}

export function exportCsv(header: string[], rows: Cell[][], filename: string) {
	download(new Blob([toGermanCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}
