// Linked hover and selection for chart marks: every mark of a district is a button that reports
// hover (mouse or keyboard focus) and selection (click, Enter, Space) by area id. Keyboard focus
// roves: a chart is one tab stop (its SVG, see ChartFrame), arrow keys move between its marks, so
// a page of charts does not cost a keyboard user a hundred tab presses.

export interface Interaction {
	hovered: string | null;
	selection: string[];
	onhover?: (id: string | null) => void;
	onselect?: (id: string) => void;
}

export function markAttributes(id: string, label: string, i: Interaction) {
	return {
		tabindex: -1,
		role: 'button',
		'aria-label': label,
		'aria-pressed': i.selection.includes(id),
		'data-area': id,
		onmouseenter: () => i.onhover?.(id),
		onmouseleave: () => i.onhover?.(null),
		onfocus: () => i.onhover?.(id),
		onblur: () => i.onhover?.(null),
		onclick: () => i.onselect?.(id),
		onkeydown: (e: KeyboardEvent) => {
			if (e.key === 'Enter' || e.key === ' ') {
				e.preventDefault();
				i.onselect?.(id);
				return;
			}
			const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[e.key];
			if (step === undefined) return;
			e.preventDefault();
			const marks = chartMarks(e.currentTarget as Element);
			const k = marks.indexOf(e.currentTarget as SVGElement);
			marks[Math.max(0, Math.min(marks.length - 1, k + step))]?.focus();
		}
	};
}

/** Outline of a mark: strong when hovered, medium when selected. */
export function emphasis(id: string, i: Interaction): { stroke: string; 'stroke-width': number } {
	if (i.hovered === id) return { stroke: '#1f2a24', 'stroke-width': 2.5 };
	if (i.selection.includes(id)) return { stroke: '#1f2a24', 'stroke-width': 1.5 };
	return { stroke: 'none', 'stroke-width': 0 };
}

/** Okabe–Ito: a categorical palette that stays distinct for the common colour-vision deficiencies. */
export const AREA_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const CITY_COLOUR = '#555555';

/** The marks of the chart an element belongs to, in document order. */
export function chartMarks(el: Element): SVGElement[] {
	return [...(el.closest('svg')?.querySelectorAll<SVGElement>('[data-area][role="button"]') ?? [])];
}
