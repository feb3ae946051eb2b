// Number formatting for charts: localised numbers with the indicator's decimals, signs and ticks.
import type { IndicatorMeta } from '$lib/data/contracts';
import { formatNumber, type Locale } from '$lib/i18n';

export function valueFormatter(locale: Locale, meta: IndicatorMeta) {
	const unit = meta.unit[locale];
	return {
		/** "12,3 %" */
		withUnit: (x: number | null) => (x === null ? '–' : `${formatNumber(locale, x, meta.decimals)}${unit === '%' ? ' %' : unit ? ` ${unit}` : ''}`),
		plain: (x: number | null, extra = 0) => (x === null ? '–' : formatNumber(locale, x, meta.decimals + extra)),
		signed: (x: number | null, extra = 0) =>
			x === null ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(x), meta.decimals + extra)}`
	};
}

export const signedNumber = (locale: Locale, x: number | null, decimals: number) =>
	x === null ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(x), decimals)}`;

/** Tick labels: the indicator's decimals are too many for round ticks; d3's nice ticks need few. */
export function tickFormatter(locale: Locale, ticks: number[]) {
	const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
	const decimals = step >= 1 || step === 0 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
	return (x: number) => formatNumber(locale, x, decimals);
}

/**
 * A label cut to `max` characters with an ellipsis in its middle, a third of it kept from the start
 * and the rest from the end: long municipality names keep both ends, a census cell's id
 * (`CRS3035RES100mN3227700E4342700`) the coordinates that tell it from its neighbours.
 */
export function fitLabel(label: string, max: number): string {
	const chars = [...label];
	if (chars.length <= max) return label;
	const head = Math.floor((max - 1) / 3);
	return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}
