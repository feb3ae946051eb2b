// Which Kontore sit at an approximate location ("ungefähre Lage"): one pure derivation from the
// served Kontor features, the source of every such notice (card, legends, catchments, coverage
// API, OGC, /daten), so a Kontor entered with its exact position loses it everywhere at once.
import { compareNames, type Params } from '$lib/i18n';
import { kontorExact, type KontorProps } from './contracts';

interface KontorLike {
	properties: Pick<KontorProps, 'name' | 'locationPrecision'>;
}

export interface KontorLocationStatus {
	/** Names of the Kontore at an approximate location, sorted. */
	approximate: string[];
	total: number;
}

export function kontorLocationStatus(kontore: readonly KontorLike[]): KontorLocationStatus {
	return {
		approximate: kontore
			.filter((k) => !kontorExact(k.properties))
			.map((k) => k.properties.name)
			.sort(compareNames),
		total: kontore.length
	};
}

/** 'all' and 'none' have their own texts; 'some' counts. */
export function approximateShare(s: KontorLocationStatus): 'all' | 'some' | 'none' {
	return s.approximate.length === 0 ? 'none' : s.approximate.length === s.total ? 'all' : 'some';
}

type LegendKey = 'legend.kontor' | 'legend.kontorExact' | 'legend.kontorSome';

/** The map legend's entry for the Kontore: "(ungefähre Lage)" only while some are approximate. */
export function kontorLegend(s: KontorLocationStatus, t: (key: LegendKey, params?: Params) => string): string {
	const share = approximateShare(s);
	return share === 'all'
		? t('legend.kontor')
		: share === 'none'
			? t('legend.kontorExact')
			: t('legend.kontorSome', { n: s.approximate.length, total: s.total });
}
