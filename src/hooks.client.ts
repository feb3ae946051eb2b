// The browser side of the app's start: on the atlas and the embed, the map is started and drawn
// before SvelteKit hydrates the page (see $lib/components/map/early.ts).
import type { ClientInit } from '@sveltejs/kit';
import { startEarlyMap } from '$lib/components/map/early';

export const init: ClientInit = () => startEarlyMap();
