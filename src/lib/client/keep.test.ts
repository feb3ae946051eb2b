import { describe, expect, it, vi } from 'vitest';
import { keepLast } from './keep';

describe('keepLast', () => {
	it('answers the same inputs with the same object, and builds anew when any input differs', () => {
		const build = vi.fn((input: { rows: number[]; method: string; breaks: number[] }) => ({ ...input }));
		const kept = keepLast(build);
		const rows = [1, 2, 3];
		const a = kept({ rows, method: 'jenks', breaks: [1, 2] });
		// Breaks parsed anew from a URL are a new array with the same numbers: the same input.
		expect(kept({ rows, method: 'jenks', breaks: [1, 2] })).toBe(a);
		expect(build).toHaveBeenCalledTimes(1);
		const b = kept({ rows, method: 'quantile', breaks: [1, 2] });
		expect(b).not.toBe(a);
		expect(kept({ rows, method: 'quantile', breaks: [1, 2.5] })).not.toBe(b);
		// Rows with the same values but not the same objects are another table.
		expect(kept({ rows: [1, 2, 4], method: 'quantile', breaks: [1, 2.5] })).not.toBe(b);
		expect(build).toHaveBeenCalledTimes(4);
	});

	it('tells an input with another set of properties from the last one', () => {
		const kept = keepLast((input: { a?: number; b?: number }) => ({ ...input }));
		const first = kept({ a: 1 });
		expect(kept({ a: 1, b: undefined })).not.toBe(first);
	});
});
