// The home-care request form's rules, for the person's sake (the database checks them again):
// time windows picked from a few named parts of the day, a first day from today, a number of
// days, an E.164 phone, a name for the person cared for. Pure, tested beside.
import { checkPhone } from '@carebook/ui';

/** Parts of the day a visit can be asked for; two picked means twice a day. */
export const DAY_PARTS = {
  early: '07:00-09:00',
  morning: '09:00-12:00',
  afternoon: '14:00-18:00',
  evening: '18:00-21:00',
} as const;
export type DayPart = keyof typeof DAY_PARTS;
export const DAY_PART_ORDER = Object.keys(DAY_PARTS) as DayPart[];

export const MAX_DAYS = 60;

export interface HomeCareForm {
  careTypeId: string | null;
  forWhom: 'self' | 'relative';
  careRecipientName: string;
  contactPhone: string;
  address: {
    label: string;
    locality: string | null;
    placeId: string | null;
    lat: number;
    lng: number;
  } | null;
  firstDay: string;
  dayCount: number;
  parts: DayPart[];
  urgency: 'urgent' | 'today' | 'planned';
  notes: string;
}

export type FormIssue =
  'careType' | 'careRecipientName' | 'contactPhone' | 'address' | 'firstDay' | 'dayCount' | 'parts';

/** YYYY-MM-DD of an instant in a zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);
}

/** What keeps the form from being sent, field by field (empty: it can go). */
export function formIssues(form: HomeCareForm, today: string): FormIssue[] {
  const issues: FormIssue[] = [];
  if (!form.careTypeId) issues.push('careType');
  if (form.careRecipientName.trim().length < 2) issues.push('careRecipientName');
  if (!phoneOf(form.contactPhone)) issues.push('contactPhone');
  if (!form.address) issues.push('address');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.firstDay) || form.firstDay < today) issues.push('firstDay');
  if (!Number.isInteger(form.dayCount) || form.dayCount < 1 || form.dayCount > MAX_DAYS)
    issues.push('dayCount');
  if (form.parts.length === 0) issues.push('parts');
  return issues;
}

/** The phone in E.164 (spaces, dots, 00 tidied away), or null when missing or malformed. */
export function phoneOf(input: string): string | null {
  const check = checkPhone(input);
  return check.ok ? check.value : null;
}

/** The daily windows the server takes, in the day's order. */
export function windowsOf(parts: readonly DayPart[]): string[] {
  return DAY_PART_ORDER.filter((p) => parts.includes(p)).map((p) => DAY_PARTS[p]);
}

/** How many visits the form asks for. */
export const visitCount = (form: Pick<HomeCareForm, 'dayCount' | 'parts'>): number =>
  Math.max(0, form.dayCount) * form.parts.length;
