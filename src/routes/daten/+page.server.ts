import { catalog } from '$lib/server/opendata/catalog';
import { dcatCatalog } from '$lib/server/opendata/dcat';
import { publicOrigin } from '$lib/server/origin';
import { approximationNote } from '$lib/server/store';
import { levelWord } from '$lib/data/levels';
import { openStore } from '$lib/server/visibility';
import type { PageServerLoad } from './$types';

// A document page: no client code to hydrate, so the catalogue is not shipped twice.
export const csr = false;

export const load: PageServerLoad = ({ url }) => {
	const store = openStore();
	const origin = publicOrigin(url);
	// `<` is escaped so the JSON-LD block cannot close its script element.
	const jsonld = JSON.stringify(dcatCatalog(store, origin)).replace(/</g, '\\u003c');
	return {
		datasets: catalog(store),
		origin,
		jsonldScript: `<script type="application/ld+json">${jsonld}</script>`,
		approximation: approximationNote(store),
		finest: levelWord(store.levelInfos, store.finest, 'de', 'plural')
	};
};
