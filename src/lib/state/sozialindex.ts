// The Sozialindex definition in the URL: `index=sgb2-quote:+2,kinderarmut:+1,wohnungsleerstand:-1`
// (indicator, direction, weight) and `iclass=sigma|quartile`. Parsed and validated here (unknown
// or malformed parts are dropped with a notice), serialised back in the same form.
import { INDEX_CLASSINGS, type IndexClassing, type IndexComponent, type IndexDefinition } from '$lib/stats/sozialindex';

export const MAX_COMPONENTS = 10;
export const MAX_WEIGHT = 10;

/** The status indicators Berlin's MSS and Hamburg's Sozialmonitoring share: unemployment, transfers, child poverty. */
export const DEFAULT_INDEX: IndexDefinition = {
	components: [
		{ indicator: 'arbeitslosenquote', direction: 1, weight: 1 },
		{ indicator: 'sgb2-quote', direction: 1, weight: 1 },
		{ indicator: 'kinderarmut', direction: 1, weight: 1 }
	],
	classing: 'sigma'
};

export interface IndexNotice {
	param: 'index' | 'iclass';
	value: string;
	message: 'unknown' | 'invalid' | 'duplicate' | 'too-many';
}

// A literal "+" in a query string arrives as a space; accept both.
const COMPONENT = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?::([+ -]?)(\d{1,2}(?:\.\d{1,2})?))?$/;

export function parseIndexDefinition(
	params: URLSearchParams,
	indicators: Set<string>,
	fallback: IndexDefinition = DEFAULT_INDEX
): { definition: IndexDefinition; notices: IndexNotice[] } {
	const notices: IndexNotice[] = [];
	// The default's indicators may be internal (not served to this reader): it then uses those it has.
	const usable = fallback.components.filter((c) => indicators.has(c.indicator));
	const defaults = usable.length
		? usable
		: [...indicators].slice(0, fallback.components.length).map((indicator) => ({ indicator, direction: 1 as const, weight: 1 }));
	let classing: IndexClassing = fallback.classing;
	const rawClass = params.get('iclass');
	if (rawClass !== null) {
		if ((INDEX_CLASSINGS as readonly string[]).includes(rawClass)) classing = rawClass as IndexClassing;
		else notices.push({ param: 'iclass', value: rawClass.slice(0, 60), message: 'unknown' });
	}
	const raw = params.get('index');
	if (raw === null || raw.trim() === '') return { definition: { components: defaults, classing }, notices };
	const components: IndexComponent[] = [];
	for (const part of raw.split(',')) {
		const m = COMPONENT.exec(part.trim());
		const value = part.slice(0, 60);
		if (!m) {
			notices.push({ param: 'index', value, message: 'invalid' });
			continue;
		}
		const [, indicator, sign, weightText] = m;
		const weight = weightText === undefined ? 1 : Number(weightText);
		if (!indicators.has(indicator)) notices.push({ param: 'index', value, message: 'unknown' });
		else if (components.some((c) => c.indicator === indicator)) notices.push({ param: 'index', value, message: 'duplicate' });
		else if (!(weight > 0 && weight <= MAX_WEIGHT)) notices.push({ param: 'index', value, message: 'invalid' });
		else if (components.length >= MAX_COMPONENTS) notices.push({ param: 'index', value, message: 'too-many' });
		else components.push({ indicator, direction: sign === '-' ? -1 : 1, weight });
	}
	return { definition: { components: components.length ? components : defaults, classing }, notices };
}

export function serialiseIndexDefinition(def: IndexDefinition): URLSearchParams {
	const p = new URLSearchParams();
	p.set('index', def.components.map((c) => `${c.indicator}:${c.direction === 1 ? '+' : '-'}${c.weight}`).join(','));
	if (def.classing !== 'sigma') p.set('iclass', def.classing);
	return p;
}

/** The formula as text, e.g. "I = (2·z(SGB-II-Quote) + 1·z(Kinderarmut) − 1·z(Leerstand)) / 4". */
export function indexFormula(def: IndexDefinition, label: (id: string) => string): string {
	const total = def.components.reduce((s, c) => s + c.weight, 0);
	const terms = def.components.map(
		(c, i) => `${i === 0 ? (c.direction === 1 ? '' : '−') : c.direction === 1 ? ' + ' : ' − '}${c.weight}·z(${label(c.indicator)})`
	);
	return `I = (${terms.join('')}) / ${total}`;
}
