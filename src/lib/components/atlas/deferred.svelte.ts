// Values that follow others after the next frame, like React's useDeferredValue: what the atlas
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

/** One deferred field: a value of its own, so that a field that stays the same notifies no one. */
class Field {
	value = $state.raw<unknown>();
	constructor(value: unknown) {
		this.value = value;
	}
}

/**
 * The fields of `get`'s object, each taken over after the next frame whenever the object changes;
 * newer values replace ones not yet taken over. A field whose value stays the same (the rows on a
 * new classification) changes nothing that reads it. The first values are there at once, on the
 * server too. Call it while a component is set up (it owns an effect).
 */
export function deferred<T extends object>(get: () => T): Readonly<T> {
	const first = get();
	const fields = (Object.keys(first) as (keyof T & string)[]).map((key) => ({ key, field: new Field(first[key]) }));
	$effect(() => {
		const next = get();
		return afterFrame(() => {
			for (const { key, field } of fields) field.value = next[key];
		});
	});
	return Object.defineProperties({}, Object.fromEntries(fields.map(({ key, field }) => [key, { get: () => field.value, enumerable: true }]))) as Readonly<T>;
}
