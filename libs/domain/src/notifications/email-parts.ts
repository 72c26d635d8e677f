// The e-mails' words, per topic, audience and language: plain text with the facts filled in.
// email.ts lays them out (and escapes them) for HTML. A topic/audience pair missing from the
// tables gets no e-mail. Names and reasons come from users: they are placed, never interpreted.
import type { Locale } from '../enums.ts';
import type { Audience, Facts } from './context.ts';

export interface EmailParts {
  subject: string;
  /** Paragraphs, plain text. */
  lines: string[];
  /** Label/value rows shown as a small table (the appointment's facts). */
  rows?: [string, string][];
  /** The call-to-action's label, shown only when the context has a URL. */
  action?: string;
}

export type Texts = (f: Facts) => EmailParts;
export type ByLocale = Record<Locale, Texts>;
export type EmailTable = Record<string, Partial<Record<Audience, ByLocale>>>;

/** The appointment's facts as rows; the other side of the appointment is named. */
export function rows(f: Facts, locale: Locale, audience: 'patient' | 'practitioner'): [string, string][] {
  const fr = locale === 'fr';
  const out: [string, string][] = [[fr ? 'Quand' : 'When', f.when]];
  if (f.whenThere) {
    const label =
      audience === 'patient'
        ? fr
          ? 'Heure du praticien'
          : 'Practitioner’s time'
        : fr
          ? 'Heure du cabinet'
          : 'Practice time';
    out.push([label, f.whenThere]);
  }
  if (audience === 'patient') out.push([fr ? 'Avec' : 'With', f.practitioner]);
  else out.push(['Patient', f.patient]);
  if (f.what) out.push(['Consultation', f.what]);
  if (f.address) out.push([fr ? 'Adresse' : 'Address', f.address]);
  return out.filter(([, value]) => value !== '');
}

export const reasonFr = (f: Facts) => (f.reason ? [`Motif : ${f.reason}`] : []);
export const reasonEn = (f: Facts) => (f.reason ? [`Reason: ${f.reason}`] : []);
// French guillemets hold their words with no-break spaces: no line starts with a closing one.
export const quotedFr = (f: Facts) => (f.what ? ` «\u00a0${f.what}\u00a0»` : '');
export const quotedEn = (f: Facts) => (f.what ? ` "${f.what}"` : '');
