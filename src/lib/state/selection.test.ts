import { describe, expect, it } from 'vitest';
import { MAX_COMPARE, selectArea, selectOnly, toggleSelection } from './selection';

describe('toggleSelection', () => {
	it('adds an id at the end and removes it again', () => {
		expect(toggleSelection(['a'], 'b')).toEqual(['a', 'b']);
		expect(toggleSelection(['a', 'b'], 'a')).toEqual(['b']);
		expect(toggleSelection([], 'a')).toEqual(['a']);
	});

	it('keeps at most MAX_COMPARE ids, dropping the oldest', () => {
		expect(MAX_COMPARE).toBe(6);
		const full = ['a', 'b', 'c', 'd', 'e', 'f'];
		expect(toggleSelection(full, 'g')).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
		// Removing from a full selection drops nothing else.
		expect(toggleSelection(full, 'c')).toEqual(['a', 'b', 'd', 'e', 'f']);
	});

	it('leaves its input unchanged', () => {
		const before = ['a', 'b'];
		toggleSelection(before, 'c');
		toggleSelection(before, 'a');
		expect(before).toEqual(['a', 'b']);
	});
});

describe('selectOnly and selectArea', () => {
	it('replaces the selection by one id, and a second click on the sole id clears it', () => {
		expect(selectOnly(['a', 'b'], 'c')).toEqual(['c']);
		expect(selectOnly(['a', 'b'], 'a')).toEqual(['a']);
		expect(selectOnly(['a'], 'a')).toEqual([]);
		expect(selectOnly([], 'a')).toEqual(['a']);
	});

	it('toggles when additive, replaces otherwise', () => {
		expect(selectArea(['a'], 'b', true)).toEqual(['a', 'b']);
		expect(selectArea(['a', 'b'], 'b', true)).toEqual(['a']);
		expect(selectArea(['a'], 'b', false)).toEqual(['b']);
		expect(selectArea(['b'], 'b', false)).toEqual([]);
	});
});
