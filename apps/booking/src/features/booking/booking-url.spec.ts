import { describe, expect, it } from 'vitest';
import { choiceQuery, forgetChoice, readChoice, recallChoice, rememberChoice } from './booking-url.ts';

const TYPE = '6f1c1a1e-2b3c-4d5e-8f90-123456789abc';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the booking choice in the URL', () => {
  it('reads type, slot and week, normalising the slot to an ISO instant', () => {
    expect(readChoice({ type: TYPE, slot: '2027-01-04T09:00:00+01:00', week: '2027-01-04' })).toEqual({
      type: TYPE,
      slot: '2027-01-04T08:00:00.000Z',
      week: '2027-01-04',
    });
  });

  it('drops malformed values instead of trusting them', () => {
    expect(readChoice({ type: 'x; drop', slot: 'tomorrow', week: '4/1/2027' })).toEqual({
      type: null,
      slot: null,
      week: null,
    });
    expect(readChoice({ type: [TYPE, 'other'] }).type).toBe(TYPE);
    expect(readChoice({})).toEqual({ type: null, slot: null, week: null });
  });

  it('writes back only what is chosen, and reads its own output', () => {
    const choice = { type: TYPE, slot: '2027-01-04T08:00:00.000Z', week: null };
    expect(choiceQuery(choice)).toEqual({ type: TYPE, slot: '2027-01-04T08:00:00.000Z' });
    expect(readChoice(choiceQuery(choice) as Record<string, string>)).toEqual(choice);
  });

  it('keeps a copy per practitioner in session storage', () => {
    const storage = new MemoryStorage();
    const choice = { type: TYPE, slot: '2027-01-04T08:00:00.000Z', week: '2027-01-04' };
    rememberChoice(storage, 'dr-a', choice);
    expect(recallChoice(storage, 'dr-a')).toEqual(choice);
    expect(recallChoice(storage, 'dr-b')).toBeNull();
    forgetChoice(storage);
    expect(recallChoice(storage, 'dr-a')).toBeNull();
  });
});
