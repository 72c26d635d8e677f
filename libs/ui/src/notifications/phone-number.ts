// Phone numbers as the database stores them (E.164: "+" then 7 to 15 digits, the first not 0;
// profiles.phone's check). People type spaces, dots, dashes and brackets, or "00" for "+":
// those are tidied away; anything else is refused with a reason before anything is sent.

export type PhoneIssue = 'international' | 'invalid';
export type PhoneCheck = { ok: true; value: string | null } | { ok: false; issue: PhoneIssue };

const E164 = /^\+[1-9][0-9]{6,14}$/;

/** `value: null` for an empty field (no phone, which turns SMS off). */
export function checkPhone(input: string): PhoneCheck {
  const compact = input.replace(/[\s.\-()\u00a0]/g, '').replace(/^00/, '+');
  if (compact === '') return { ok: true, value: null };
  if (!compact.startsWith('+')) return { ok: false, issue: 'international' };
  return E164.test(compact) ? { ok: true, value: compact } : { ok: false, issue: 'invalid' };
}
