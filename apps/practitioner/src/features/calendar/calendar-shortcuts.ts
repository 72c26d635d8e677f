// Google Calendar's single-key shortcuts, so people who live in it find their way at once:
// t today, d/w/m/a day/week/month/agenda, j or n next, k or p previous, c create (here: block
// time), / search (here: the date jump), ? the list of shortcuts. Never while typing in a field,
// never with Ctrl, Alt or Cmd (those belong to the browser).

export type ShortcutAction =
  'today' | 'day' | 'week' | 'month' | 'agenda' | 'next' | 'prev' | 'create' | 'search' | 'help';

const KEYS: Record<string, ShortcutAction> = {
  t: 'today',
  d: 'day',
  w: 'week',
  m: 'month',
  a: 'agenda',
  j: 'next',
  n: 'next',
  k: 'prev',
  p: 'prev',
  c: 'create',
  '/': 'search',
  '?': 'help',
};

/** The shortcuts in the order the help dialog lists them, keys grouped by action. */
export const SHORTCUT_LIST: readonly { keys: string[]; action: ShortcutAction }[] = [
  { keys: ['t'], action: 'today' },
  { keys: ['d'], action: 'day' },
  { keys: ['w'], action: 'week' },
  { keys: ['m'], action: 'month' },
  { keys: ['a'], action: 'agenda' },
  { keys: ['j', 'n'], action: 'next' },
  { keys: ['k', 'p'], action: 'prev' },
  { keys: ['c'], action: 'create' },
  { keys: ['/'], action: 'search' },
  { keys: ['?'], action: 'help' },
];

/** What a key press needs to be read as a shortcut (a KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where the key went; shortcuts stay out of anything that takes text. */
  target: EventTarget | null;
  /** Already handled (Quasar's dialogs and menus, FullCalendar's own keys). */
  defaultPrevented?: boolean;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

/** True when the element takes typed text: a field, a text area, a select, an editable region. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const el = target as HTMLElement;
  const tag = String(el.tagName).toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  if (el.isContentEditable) return true;
  const role = typeof el.getAttribute === 'function' ? el.getAttribute('role') : null;
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/** The shortcut a key press means, or null when it means none (or the person is typing). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  // Letters count in lower case only: Shift+T is not t (Google does the same).
  return KEYS[press.key] ?? null;
}

/** FullCalendar's view names for the four views people switch between. */
export const VIEW_OF = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
  agenda: 'listMonth',
} as const;

export type CalendarViewKey = keyof typeof VIEW_OF;

export function viewKeyOf(viewType: string): CalendarViewKey {
  const entry = Object.entries(VIEW_OF).find(([, v]) => v === viewType);
  return (entry?.[0] as CalendarViewKey | undefined) ?? 'week';
}
