// Linked hover and selection for chart marks: every mark of a district is a focusable button
// that reports hover (mouse or keyboard focus) and selection (click, Enter, Space) by area id.

export interface Interaction {
	hovered: string | null;
	selection: string[];
	onhover?: (id: string | null) => void;
	onselect?: (id: string) => void;
}

export function markAttributes(id: string, label: string, i: Interaction) {
	return {
		tabindex: 0,
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
			}
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
