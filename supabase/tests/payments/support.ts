// What the payment specs share: a practitioner open every day with a paid type, and a seeded
// shuffle for delivering events in a replayable disorder.
import { scenario, type Scenario } from '@carebook/testing';

/** A published practitioner open 09:00-18:00 every day with one 30-minute paid type. */
export function paidScenario(priceCents = 6000): Promise<Scenario> {
  return scenario().weeklyHours('mon-sun', '09:00-18:00').type({ minutes: 30, price: priceCents }).build();
}

/** Fisher-Yates with a seeded generator, so a failing delivery order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
