import { describe, expect, it } from 'vitest';
import {
  SHORTCUT_LIST,
  isTypingTarget,
  shortcutFor,
  viewKeyOf,
  type KeyPress,
} from './calendar-shortcuts.ts';

const el = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({ tagName, isContentEditable: false, getAttribute: () => null, ...extra }) as unknown as EventTarget;
const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: el('DIV'),
  ...over,
});

describe('shortcutFor', () => {
  it('maps Google Calendar keys to actions', () => {
    const got = ['t', 'd', 'w', 'm', 'a', 'j', 'n', 'k', 'p', 'c', '/', '?'].map((k) =>
      shortcutFor(press(k)),
    );
    expect(got).toEqual([
      'today',
      'day',
      'week',
      'month',
      'agenda',
      'next',
      'next',
      'prev',
      'prev',
      'create',
      'search',
      'help',
    ]);
  });

  it('ignores other keys, upper case and modifier combinations', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('T'))).toBeNull();
    expect(shortcutFor(press('Enter'))).toBeNull();
    expect(shortcutFor(press('t', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('t', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('t', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('t', { defaultPrevented: true }))).toBeNull();
  });

  it('stays out of fields people type in', () => {
    expect(shortcutFor(press('t', { target: el('INPUT', { type: 'text' }) }))).toBeNull();
    expect(shortcutFor(press('/', { target: el('INPUT', { type: 'date' }) }))).toBeNull();
    expect(shortcutFor(press('m', { target: el('TEXTAREA') }))).toBeNull();
    expect(shortcutFor(press('w', { target: el('SELECT') }))).toBeNull();
    expect(shortcutFor(press('d', { target: el('DIV', { isContentEditable: true }) }))).toBeNull();
    expect(shortcutFor(press('d', { target: el('DIV', { getAttribute: () => 'combobox' }) }))).toBeNull();
    // A checkbox or a button takes no text: shortcuts still work there.
    expect(shortcutFor(press('t', { target: el('INPUT', { type: 'checkbox' }) }))).toBe('today');
    expect(shortcutFor(press('t', { target: el('BUTTON') }))).toBe('today');
    expect(isTypingTarget(null)).toBe(false);
  });

  it('lists every action once in the help', () => {
    const actions = SHORTCUT_LIST.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const s of SHORTCUT_LIST) for (const k of s.keys) expect(shortcutFor(press(k))).toBe(s.action);
  });

  it('names views back', () => {
    expect(viewKeyOf('timeGridDay')).toBe('day');
    expect(viewKeyOf('listMonth')).toBe('agenda');
    expect(viewKeyOf('unknown')).toBe('week');
  });
});
