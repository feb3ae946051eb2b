import { beforeAll, describe, expect, it } from 'vitest';
import { setCityTexts, translator, core } from '$lib/i18n';
import { atlas } from '$lib/i18n/atlas';
import { approximateShare, kontorLegend, kontorLocationStatus } from './kontorStatus';

const k = (name: string, locationPrecision: 'address' | 'street' | 'quarter' | 'area') => ({ properties: { name, locationPrecision } });

describe('kontorLocationStatus', () => {
	// The offices' name comes from the city profile; another city's name shows that it is filled in.
	beforeAll(() => setCityTexts({ de: { office: 'Quartiersbüro' }, en: {} }));

	it('counts and names the Kontore not at an exact address, and says so in the legend', () => {
		const de = translator('de', atlas, core);
		const en = translator('en', atlas, core);
		const all = kontorLocationStatus([k('Thiede', 'street'), k('Bad', 'quarter')]);
		expect(all).toEqual({ approximate: ['Bad', 'Thiede'], total: 2 });
		expect(approximateShare(all)).toBe('all');
		expect(kontorLegend(all, de)).toBe('Quartiersbüro (ungefähre Lage)');

		const some = kontorLocationStatus([k('Thiede', 'address'), k('Bad', 'area'), k('Lebenstedt', 'address')]);
		expect(some).toEqual({ approximate: ['Bad'], total: 3 });
		expect(kontorLegend(some, de)).toBe('Quartiersbüro (1 von 3 in ungefährer Lage)');
		expect(kontorLegend(some, en)).toBe('Neighbourhood office (1 of 3 at an approximate location)');

		const none = kontorLocationStatus([k('Thiede', 'address')]);
		expect(approximateShare(none)).toBe('none');
		expect(kontorLegend(none, de)).toBe('Quartiersbüro');
		expect(kontorLegend(none, de)).not.toContain('ungefähr');
	});
});
