// The what-if scenario of the facility register: imagined facilities placed on the map and existing
// ones taken out. Held in the page only: a scenario is never saved, and reloading discards it.

export interface ImaginedFacility {
	/** Local id (`neu-1`), for the list and the map. */
	id: string;
	type: string;
	lon: number;
	lat: number;
	capacity: number | null;
}

export class FacilityScenario {
	added = $state<ImaginedFacility[]>([]);
	removed = $state<string[]>([]);
	/** The next map click places a facility of `type` with `capacity`. */
	placing = $state(false);
	/** The type the supply figures are shown for, and that a placed facility gets. */
	type = $state('');
	capacity = $state<number | null>(null);
	#next = 1;

	get active(): boolean {
		return this.added.length > 0 || this.removed.length > 0;
	}

	add(lonLat: [number, number]) {
		const [lon, lat] = lonLat.map((x) => Math.round(x * 1e6) / 1e6);
		this.added = [...this.added, { id: `neu-${this.#next++}`, type: this.type, lon, lat, capacity: this.capacity }];
		this.placing = false;
	}
	remove(id: string) {
		if (!this.removed.includes(id)) this.removed = [...this.removed, id];
	}
	restore(id: string) {
		this.removed = this.removed.filter((r) => r !== id);
		this.added = this.added.filter((a) => a.id !== id);
	}
	reset() {
		this.added = [];
		this.removed = [];
		this.placing = false;
	}

	/** The body of POST /api/einrichtungen/wasWaere. */
	body() {
		return { add: this.added.map(({ type, lon, lat, capacity }) => ({ type, lon, lat, capacity })), remove: this.removed };
	}
}
