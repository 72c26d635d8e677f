// Small rules of the wizard's forms, kept pure so they are tested apart from the screens: the
// public slug made from the name, prices typed in euros, a consultation type's limits (the
// database's own checks, so nothing is sent that it would refuse), and the square photo crop.
import type { ConsultationMode } from '@carebook/domain';

/** "Dr Zoé Lefèvre" -> "dr-zoe-lefevre-k3x9": readable, unique enough with its suffix. */
export function slugFor(name: string, suffix: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return [base || 'praticien', suffix].join('-');
}

/** "45", "45,50" or "45.5" euros as cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** Cents as the form shows them: "45" or "45,50" (fr), "45.50" (en). */
export function formatEuros(cents: number, locale: 'fr' | 'en'): string {
  const text = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

export interface TypeForm {
  nameFr: string;
  nameEn: string;
  durationMinutes: number;
  price: string;
  mode: ConsultationMode;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  cancelCutoffHours: number;
}

export type TypeIssue = 'name' | 'duration' | 'price' | 'buffer' | 'notice' | 'horizon' | 'cutoff';

const between = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Each field's problem, by field; empty when the type can be saved. */
export function typeIssues(f: TypeForm): Partial<Record<keyof TypeForm, TypeIssue>> {
  const issues: Partial<Record<keyof TypeForm, TypeIssue>> = {};
  const len = (s: string) => s.trim().length;
  if (len(f.nameFr) < 2 || len(f.nameFr) > 120) issues.nameFr = 'name';
  if (len(f.nameEn) > 0 && (len(f.nameEn) < 2 || len(f.nameEn) > 120)) issues.nameEn = 'name';
  if (!between(f.durationMinutes, 5, 480)) issues.durationMinutes = 'duration';
  const cents = parseEuros(f.price);
  if (cents === null || cents > 10_000_000) issues.price = 'price';
  if (!between(f.bufferBeforeMinutes, 0, 240)) issues.bufferBeforeMinutes = 'buffer';
  if (!between(f.bufferAfterMinutes, 0, 240)) issues.bufferAfterMinutes = 'buffer';
  // The column holds minutes up to 43,200 (30 days); the form speaks hours.
  if (!between(f.minNoticeHours, 0, 720)) issues.minNoticeHours = 'notice';
  if (!between(f.horizonDays, 1, 365)) issues.horizonDays = 'horizon';
  if (!between(f.cancelCutoffHours, 0, 720)) issues.cancelCutoffHours = 'cutoff';
  return issues;
}

/** The centred square of an image, in source pixels: what the canvas draws. */
export function squareCrop(width: number, height: number): { sx: number; sy: number; size: number } {
  const size = Math.min(width, height);
  return { sx: Math.floor((width - size) / 2), sy: Math.floor((height - size) / 2), size };
}
