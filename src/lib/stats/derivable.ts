// Which hidden cells of a table follow from the published ones through its sum relations
// (a parent equals the sum of its children)? The check behind secondary suppression's guarantee.

export interface SumRelation {
	parent: string;
	children: string[];
}

/**
 * The hidden cells that are determined exactly. Unknowns are the hidden cells; each relation
 * gives one linear equation in them (parent minus children, published cells moved to the other
 * side); a cell is determined exactly when its unit vector lies in the row space of those
 * equations (rank test by Gaussian elimination).
 */
export function derivableCells(hidden: string[], relations: SumRelation[]): string[] {
	const col = new Map(hidden.map((a, i) => [a, i]));
	const equations: number[][] = [];
	for (const g of relations) {
		const row = new Array<number>(hidden.length).fill(0);
		if (col.has(g.parent)) row[col.get(g.parent)!] += 1;
		for (const c of g.children) if (col.has(c)) row[col.get(c)!] -= 1;
		if (row.some((x) => x !== 0)) equations.push(row);
	}
	const base = rank(equations, hidden.length);
	return hidden.filter((_, i) => rank([...equations, hidden.map((_, j) => (j === i ? 1 : 0))], hidden.length) === base);
}

function rank(m: number[][], columns: number): number {
	const a = m.map((r) => [...r]);
	let r = 0;
	for (let c = 0; c < columns && r < a.length; c++) {
		const p = a.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
		if (p < 0) continue;
		[a[r], a[p]] = [a[p], a[r]];
		for (let i = 0; i < a.length; i++) {
			if (i === r || Math.abs(a[i][c]) <= 1e-9) continue;
			const f = a[i][c] / a[r][c];
			a[i] = a[i].map((x, j) => x - f * a[r][j]);
		}
		r++;
	}
	return r;
}
