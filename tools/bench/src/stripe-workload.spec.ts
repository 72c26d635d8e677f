import { describe, expect, it } from 'vitest';
import { copiesOf, deliveryOrder, fates, seededRandom, shuffle } from './stripe-workload.ts';

describe('seededRandom and shuffle', () => {
  it('gives the same order for the same seed, another for another seed, and keeps every item', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const a = shuffle(items, seededRandom(7));
    expect(shuffle(items, seededRandom(7))).toEqual(a);
    expect(shuffle(items, seededRandom(8))).not.toEqual(a);
    expect(a).not.toEqual(items);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(items[0]).toBe(0); // the input is left alone
  });

  it('draws in [0, 1)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('copiesOf', () => {
  it('sends each item 1 to maxCopies times, the total as asked', () => {
    const copies = copiesOf(400, 1000, 3, seededRandom(3));
    expect(copies.reduce((s, n) => s + n, 0)).toBe(1000);
    expect(Math.min(...copies)).toBe(1);
    expect(Math.max(...copies)).toBe(3);
  });

  it('clamps the total: every item once at least, maxCopies at most', () => {
    expect(copiesOf(5, 2, 3, seededRandom(1))).toEqual([1, 1, 1, 1, 1]);
    expect(copiesOf(5, 100, 3, seededRandom(1))).toEqual([3, 3, 3, 3, 3]);
    expect(copiesOf(0, 10, 3, seededRandom(1))).toEqual([]);
  });
});

describe('deliveryOrder', () => {
  it('holds each event as many times as picked, shuffled, the same for the same seed', () => {
    const events = Array.from({ length: 400 }, (_, i) => `evt_${i}`);
    const order = deliveryOrder(events, 1000, 3, 11);
    expect(order).toHaveLength(1000);
    expect(deliveryOrder(events, 1000, 3, 11)).toEqual(order);
    const counts = new Map<string, number>();
    for (const e of order) counts.set(e, (counts.get(e) ?? 0) + 1);
    expect(counts.size).toBe(400);
    expect([...counts.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    // Shuffled: copies of one event are not all side by side.
    const adjacent = order.filter((e, i) => i > 0 && order[i - 1] === e).length;
    expect(adjacent).toBeLessThan(50);
  });
});

describe('fates', () => {
  it('has the asked count with a few of each failure and most paid', () => {
    const list = fates(180);
    expect(list).toHaveLength(180);
    for (const f of [
      'refunded',
      'refund_failed',
      'declined',
      'abandoned',
      'debit_paid',
      'debit_failed',
      'late',
    ])
      expect(list).toContain(f);
    expect(list.filter((f) => f === 'paid').length).toBeGreaterThan(100);
  });
});
