// Small counts as words ("die sechs Büros", "the six offices"), as German and English style
// guides write numbers up to twelve in running text; larger counts as digits formatted for the locale.
import { formatNumber, type Locale } from './index';

/**
 * One to twelve. German 1 is the form before a masculine or neuter noun ("ein"), the gender the
 * catalogue's texts assume for the offices' name ("kein {office}"): the profile carries no gender.
 */
const WORDS: Record<Locale, readonly string[]> = {
	de: ['ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
	en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
};

/** A count as it stands before its noun in running text: a word from 1 to 12, digits otherwise. */
export function countWord(locale: Locale, n: number): string {
	return Number.isInteger(n) && n >= 1 && n <= WORDS[locale].length ? WORDS[locale][n - 1] : formatNumber(locale, n);
}
