// A value that follows another after the next frame, like React's useDeferredValue: what the atlas
// draws first (the map and its legend) is not held up by what follows below it (charts, table).

/** Runs `run` in a task after the next frame has been drawn; the function returned cancels it. */
export function afterFrame(run: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/**
 * `get`'s value, taken over after the next frame whenever it changes; a newer value replaces one
 * not yet taken over. The first value is there at once, on the server too. Call it while a
 * component is set up (it owns an effect).
 */
export function deferred<T>(get: () => T): { readonly current: T } {
	let current = $state.raw(get());
	$effect(() => {
		const next = get();
		return afterFrame(() => (current = next));
	});
	return {
		get current() {
			return current;
		}
	};
}
