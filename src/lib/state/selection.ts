// The selection of areas shared by the atlas, the embed and the profile: pure functions on a list
// of ids, so all three toggle, replace and cap it the same way.

/** At most this many areas are selected and compared at once (/vergleich refuses more). */
/** A comparison shows from MIN_COMPARE to MAX_COMPARE areas. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

/** Adds id (dropping the oldest beyond MAX_COMPARE) or removes it when it is already selected. */
export function toggleSelection(selection: readonly string[], id: string): string[] {
	return selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id].slice(-MAX_COMPARE);
}

/** A plain click: id alone, or nothing when id already is the only selected area. */
export function selectOnly(selection: readonly string[], id: string): string[] {
	return selection.length === 1 && selection[0] === id ? [] : [id];
}

/** A click on the map or in the table: additive (Shift, checkbox) toggles, otherwise selects only id. */
export function selectArea(selection: readonly string[], id: string, additive: boolean): string[] {
	return additive ? toggleSelection(selection, id) : selectOnly(selection, id);
}
