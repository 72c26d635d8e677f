// GSM 03.38 (3GPP TS 23.038): which texts an SMS can carry in the 7-bit default alphabet, and how
// many segments a text takes. Anything outside the alphabet sends the whole message as UCS-2,
// which more than halves the room per segment, so templates stay inside it where they can.

/** The default alphabet's basic table, in code order (0x00-0x7F; 0x1B is the escape, kept out). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' + // 0x00-0x1A (0x1B follows)
  'ÆæßÉ' + // 0x1C-0x1F
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs two septets (escape + code). 0x0A is a form feed. */
const EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(BASIC);
const extension = new Set(EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

/** Septets a character takes in GSM-7: 1, 2 (extension table), or null when it has none. */
export function gsm7Septets(char: string): 1 | 2 | null {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return null;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (gsm7Septets(char) === null) return false;
  return true;
}

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * How a text is sent. One segment holds 160 septets or 70 UCS-2 units; once split, each segment
 * loses room to its header (153 / 67), and neither an escape pair nor a surrogate pair is cut in
 * two, so segments are packed the way phones pack them rather than by division.
 */
export function smsSize(text: string): SmsSize {
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  const weights = [...text].map((char) => (encoding === 'gsm7' ? gsm7Septets(char)! : char.length));
  const units = weights.reduce((sum, w) => sum + w, 0);
  const single = encoding === 'gsm7' ? 160 : 70;
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  const room = encoding === 'gsm7' ? 153 : 67;
  let segments = 1;
  let used = 0;
  for (const w of weights) {
    if (used + w > room) {
      segments++;
      used = 0;
    }
    used += w;
  }
  return { encoding, units, segments };
}
