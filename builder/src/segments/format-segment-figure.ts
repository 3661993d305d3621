import type { Locale } from '../i18n/i18n';

/** Figures of the segmentation pictures in the reader's language (1 234 / 1,234). */
export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Revenue without a currency sign (purchases carry their own), rounded to whole units. */
export function formatMoney(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share 0…1 as a percentage with one decimal. */
export function formatShare(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
