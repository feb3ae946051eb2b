// The disc MapLibre draws for a cluster of facilities: its size grows with the count in three
// steps, and the count is written into it, so the style needs no glyph server for the numbers.

export const CLUSTER_IMAGE_PREFIX = 'fac-cluster-';

/** Diameter in CSS pixels for a cluster of `count` facilities. */
export const clusterDiameter = (count: number) => (count < 10 ? 26 : count < 50 ? 32 : 38);

/** The count as written in the disc: up to 999 in full, then in thousands (1,2k). */
export const clusterLabel = (count: number) => (count < 1000 ? String(count) : `${(Math.floor(count / 100) / 10).toString().replace('.', ',')}k`);

export function clusterImage(count: number, pixelRatio: number): { width: number; height: number; data: Uint8ClampedArray } {
	const css = clusterDiameter(count);
	const size = Math.round(css * pixelRatio);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	const ctx = canvas.getContext('2d')!;
	ctx.scale(pixelRatio, pixelRatio);
	ctx.beginPath();
	ctx.arc(css / 2, css / 2, css / 2 - 1.5, 0, 2 * Math.PI);
	ctx.fillStyle = '#374151';
	ctx.globalAlpha = 0.9;
	ctx.fill();
	ctx.globalAlpha = 1;
	ctx.lineWidth = 2;
	ctx.strokeStyle = '#ffffff';
	ctx.stroke();
	ctx.fillStyle = '#ffffff';
	ctx.font = `600 ${count < 1000 ? 12 : 11}px system-ui, sans-serif`;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	ctx.fillText(clusterLabel(count), css / 2, css / 2 + 0.5);
	return { width: size, height: size, data: ctx.getImageData(0, 0, size, size).data };
}
