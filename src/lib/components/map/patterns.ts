// Fill patterns drawn pixel by pixel (no sprite file to fetch): diagonal hatching for "keine
// Angabe", cross-hatching for suppressed values, dots for Beispieldaten.

export interface PatternImage {
	width: number;
	height: number;
	data: Uint8Array;
}

function pattern(size: number, ink: [number, number, number, number], on: (x: number, y: number) => boolean): PatternImage {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (!on(x, y)) continue;
			data.set(ink, (y * size + x) * 4);
		}
	}
	return { width: size, height: size, data };
}

export const PATTERNS = {
	/** Keine Angabe: grey diagonal hatching on white. */
	'pattern-nodata': pattern(8, [110, 110, 110, 255], (x, y) => (x + y) % 8 < 1.5),
	/** Unterdrückt (Datenschutz): cross-hatching. */
	'pattern-suppressed': pattern(8, [90, 90, 90, 255], (x, y) => (x + y) % 8 < 1.2 || (x - y + 8) % 8 < 1.2),
	/** Beispieldaten: sparse dark dots over the class colour. */
	'pattern-beispiel': pattern(10, [40, 40, 40, 150], (x, y) => (x === 2 && y === 2) || (x === 7 && y === 7))
} as const;
