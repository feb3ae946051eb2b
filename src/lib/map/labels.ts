// Greedy label placement shared by the on-screen labels, the PNG export and the SVG map: labels in
// order of priority, each at the first candidate offset that overlaps nothing placed before
// (markers and the map's controls, such as the attribution line, count).

export interface LabelInput {
	id: string;
	text: string;
	/** Projected position in px. */
	x: number;
	y: number;
	priority: number;
	/** Width of the text as drawn (px), where it can be measured; else estimated from its length. */
	width?: number;
}
export interface PlacedLabel {
	id: string;
	text: string;
	x: number;
	y: number;
}
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}
/** Something labels must not cover: a marker (centre and radius) or a box (e.g. the attribution line). */
export type Obstacle = { x: number; y: number; radius: number } | Box;

/**
 * Width per character of bold 13 px text where it cannot be measured (the SVG map is laid out on
 * the server). Generous: DejaVu Sans Bold, the widest common system-ui, draws "Watenstedt" 86 px
 * and "Gebhardshagen" 116 px wide (8.6 and 8.9 px a character); at 7 px such neighbours overlapped.
 * Short wide names (e.g. "Barum", 9.6 px a character) stay within the gap around each box.
 */
const CHAR_WIDTH = 9;
const HEIGHT = 16;
const GAP = 4;
/**
 * Positions tried in this order, as offsets of the label's centre from its point in px: centred,
 * one label box (24 px) above and below, beside the point on its right and left (the text starting
 * or ending at it), almost two boxes above and below. `w` is the label's width.
 */
const OFFSETS: ((w: number) => [number, number])[] = [
	() => [0, 0],
	() => [0, -24],
	() => [0, 24],
	(w) => [w / 2 + GAP, 0],
	(w) => [-w / 2 - GAP, 0],
	() => [0, -40],
	() => [0, 40]
];

export function placeLabels(labels: LabelInput[], width: number, height: number, obstacles: Obstacle[] = []): PlacedLabel[] {
	const boxes: Box[] = obstacles.map((o) => ('radius' in o ? { x0: o.x - o.radius, y0: o.y - o.radius, x1: o.x + o.radius, y1: o.y + o.radius } : o));
	const out: PlacedLabel[] = [];
	for (const l of [...labels].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))) {
		const w = l.width ?? l.text.length * CHAR_WIDTH;
		for (const offset of OFFSETS) {
			const [dx, dy] = offset(w);
			const [x, y] = [l.x + dx, l.y + dy];
			const box = { x0: x - w / 2 - GAP, y0: y - HEIGHT / 2 - GAP, x1: x + w / 2 + GAP, y1: y + HEIGHT / 2 + GAP };
			if (box.x1 < 0 || box.y1 < 0 || box.x0 > width || box.y0 > height) continue;
			if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
			boxes.push(box);
			out.push({ id: l.id, text: l.text, x, y });
			break;
		}
	}
	return out;
}
