// Prices as people read them in their language: "50 €" / "€50", a range as "50–80 €", free as
// the caller's word for it (the component has the translator, this file stays pure).
import type { Locale } from '@carebook/domain';

/** One amount in cents, no decimals when whole ("50 €"), else two ("52,50 €"). */
export function formatCompactPrice(locale: Locale, cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

/** "50 €" when both ends agree, else "50 € – 80 €" (Intl's own range form, per locale). */
export function formatPriceRange(
  locale: Locale,
  minCents: number,
  maxCents: number,
  currency: string,
): string {
  if (minCents === maxCents) return formatCompactPrice(locale, minCents, currency);
  const whole = minCents % 100 === 0 && maxCents % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).formatRange(minCents / 100, maxCents / 100);
}

/** "1,2 km" / "850 m": one decimal under 10 km, whole kilometres above. */
export function formatDistance(locale: Locale, km: number): string {
  if (km < 1) {
    const m = Math.max(10, Math.round((km * 1000) / 10) * 10);
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter' }).format(m);
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}
