// Greedy label placement shared by the on-screen labels and the PNG export: labels in order of
// priority, each at the first candidate offset that overlaps nothing placed before (markers count).

export interface LabelInput {
	id: string;
	text: string;
	/** Projected position in px. */
	x: number;
	y: number;
	priority: number;
}
export interface PlacedLabel {
	id: string;
	text: string;
	x: number;
	y: number;
}
interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** Approximate text box at 13 px; good enough to keep labels apart. */
const CHAR_WIDTH = 7;
const HEIGHT = 16;
const GAP = 4;
/** Offsets (px) tried in this order: centred, then one and almost two label boxes (24 px) above and below. */
const OFFSETS = [0, -24, 24, -40, 40];

export function placeLabels(labels: LabelInput[], width: number, height: number, obstacles: { x: number; y: number; radius: number }[] = []): PlacedLabel[] {
	const boxes: Box[] = obstacles.map((o) => ({ x0: o.x - o.radius, y0: o.y - o.radius, x1: o.x + o.radius, y1: o.y + o.radius }));
	const out: PlacedLabel[] = [];
	for (const l of [...labels].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))) {
		const w = l.text.length * CHAR_WIDTH;
		for (const dy of OFFSETS) {
			const y = l.y + dy;
			const box = { x0: l.x - w / 2 - GAP, y0: y - HEIGHT / 2 - GAP, x1: l.x + w / 2 + GAP, y1: y + HEIGHT / 2 + GAP };
			if (box.x1 < 0 || box.y1 < 0 || box.x0 > width || box.y0 > height) continue;
			if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
			boxes.push(box);
			out.push({ id: l.id, text: l.text, x: l.x, y });
			break;
		}
	}
	return out;
}
