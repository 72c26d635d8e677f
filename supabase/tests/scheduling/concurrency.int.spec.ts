// Races through the gateway and the real PostgREST: 200 signed-in patients (one supabase-js
// client each) ask for the same time at once, ten times over, for the same slot, for partly
// overlapping slots, and while one patient reschedules into it. Exactly one wins each race, the
// others get HTTP 409 with a clear message, never a 500; the last test checks, over every
// appointment in the database, that no two active ones of a practitioner overlap.
//
// The same 200 patients race in every repetition (creating them is the slow part); each
// repetition uses another day. A patient may win several repetitions, and book_appointment
// refuses a 4th upcoming appointment with one practitioner: such a patient may get that refusal
// instead of "already taken", which the assertions allow for.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  iso,
  overlappingAppointments,
  scenario,
  type Scenario,
  sql,
  type TestUser,
  users,
} from '@carebook/testing';

const CLIENTS = 200;
const REPEATS = 10;
const TAKEN = 'This time is already taken';
const LIMIT = 'You already have 3 upcoming appointments with this practitioner';
// Ten races of 200 take 10-15 s on this machine; room for a loaded CI runner.
const RACE_TIMEOUT = 90_000;

let patients: TestUser[];

beforeAll(async () => {
  patients = await users(CLIENTS, 'patient', 25);
}, 120_000);

interface Outcome {
  patient: TestUser;
  status: number;
  ok: boolean;
  message: string | undefined;
  data: { id: string; starts_at: string } | null;
}

/** Starts every call before awaiting any, so they reach the server together. */
async function race(
  calls: {
    patient: TestUser;
    run: () => PromiseLike<{ status: number; error: { message: string } | null; data: unknown }>;
  }[],
): Promise<Outcome[]> {
  const pending = calls.map((c) => c.run());
  const results = await Promise.all(pending);
  return results.map((r, i) => ({
    patient: calls[i]!.patient,
    status: r.status,
    ok: r.error === null,
    message: r.error?.message,
    data: r.data as Outcome['data'],
  }));
}

function practitioner(): Promise<Scenario> {
  return scenario()
    .practitioner({ displayName: 'Busy Practitioner' })
    .weeklyHours({ from: '08:00', to: '20:00' })
    .type({ minutes: 45, step: 15 })
    .build();
}

/** Wins per patient with one practitioner, to know who may meet the limit of 3. */
class Wins {
  private readonly counts = new Map<string, number>();
  add(patientId: string): void {
    this.counts.set(patientId, (this.counts.get(patientId) ?? 0) + 1);
  }
  atLimit(patientId: string): boolean {
    return (this.counts.get(patientId) ?? 0) >= 3;
  }
}

function expectOnlyConflicts(losers: Outcome[], wins: Wins): void {
  for (const l of losers) {
    // Never a 500, never a bare constraint error: a 409 with a message.
    expect(l.status).toBe(409);
    if (l.message !== TAKEN) {
      expect(l.message).toBe(LIMIT);
      expect(wins.atLimit(l.patient.id)).toBe(true);
    }
  }
}

async function activeAt(
  practitionerId: string,
  from: string,
  to: string,
): Promise<{ id: string; patient_id: string; starts_at: Date }[]> {
  return sql(
    `select id, patient_id, starts_at from public.appointments
      where practitioner_id = $1 and status in ('held', 'confirmed') and starts_at >= $2 and starts_at < $3 order by starts_at`,
    [practitionerId, from, to],
  );
}

describe('concurrent booking', () => {
  it(
    `${CLIENTS} clients booking the same slot: exactly one wins, ${REPEATS} times over`,
    async () => {
      const s = await practitioner();
      const wins = new Wins();
      for (let r = 0; r < REPEATS; r++) {
        const at = s.at(r + 1, '09:00');
        const outcomes = await race(patients.map((p) => ({ patient: p, run: () => s.book(p, at) })));
        const winners = outcomes.filter((o) => o.ok);
        expect(winners, `repetition ${r}`).toHaveLength(1);
        expect(iso(winners[0]!.data!.starts_at)).toBe(at);
        expectOnlyConflicts(
          outcomes.filter((o) => !o.ok),
          wins,
        );
        wins.add(winners[0]!.patient.id);
        expect(await activeAt(s.practitioner.id, s.at(r + 1, '00:00'), s.at(r + 2, '00:00'))).toHaveLength(1);
      }
    },
    RACE_TIMEOUT,
  );

  it(
    `${CLIENTS} clients booking partly overlapping slots (09:00, 09:15, 09:30 for 45 minutes): exactly one wins`,
    async () => {
      const s = await practitioner();
      const wins = new Wins();
      for (let r = 0; r < REPEATS; r++) {
        const starts = ['09:00', '09:15', '09:30'].map((t) => s.at(r + 1, t));
        const outcomes = await race(
          patients.map((p, i) => ({ patient: p, run: () => s.book(p, starts[i % 3]!) })),
        );
        const winners = outcomes.filter((o) => o.ok);
        expect(winners, `repetition ${r}`).toHaveLength(1);
        expectOnlyConflicts(
          outcomes.filter((o) => !o.ok),
          wins,
        );
        wins.add(winners[0]!.patient.id);
        expect(await activeAt(s.practitioner.id, s.at(r + 1, '00:00'), s.at(r + 2, '00:00'))).toHaveLength(1);
      }
    },
    RACE_TIMEOUT,
  );

  it(
    `one patient rescheduling into a slot while ${CLIENTS - 1} others book it (and book the time being left)`,
    async () => {
      const s = await practitioner();
      const wins = new Wins();
      for (let r = 0; r < REPEATS; r++) {
        // A different mover each time, who has room for one more appointment.
        const mover = patients.find((p, i) => i >= r && !wins.atLimit(p.id))!;
        // Two days ahead at least: patients may move appointments until 24 hours before.
        const day = r + 3;
        const oldTime = s.at(day, '10:00');
        const newTime = s.at(day, '11:00');
        const booked = await s.book(mover, oldTime);
        expect(booked.error).toBeNull();
        wins.add(mover.id);
        const others = patients.filter((p) => p !== mover);
        const outcomes = await race([
          {
            patient: mover,
            run: () =>
              mover.client.rpc('reschedule_appointment', {
                p_appointment_id: booked.data!.id,
                p_starts_at: newTime,
              }),
          },
          // Half want the new time; the other half want the time the mover would leave.
          ...others.map((p, i) => ({ patient: p, run: () => s.book(p, i % 2 ? newTime : oldTime) })),
        ]);
        const [move, ...books] = outcomes as [Outcome, ...Outcome[]];
        const newWinners = books.filter((o) => o.ok && iso(o.data!.starts_at) === newTime);
        const oldWinners = books.filter((o) => o.ok && iso(o.data!.starts_at) === oldTime);
        // Exactly one of the mover and the bookers gets the new time.
        expect(newWinners.length + (move.ok ? 1 : 0), `repetition ${r}`).toBe(1);
        if (move.ok) {
          expect(move.data!.id).toBe(booked.data!.id);
          expect(iso(move.data!.starts_at)).toBe(newTime);
          // The old time may have gone to one booker, after the move committed, never to two.
          expect(oldWinners.length).toBeLessThanOrEqual(1);
        } else {
          expect(move.status).toBe(409);
          expect(move.message).toBe(TAKEN);
          // A failed move keeps the old time booked: nobody else got it.
          expect(oldWinners).toHaveLength(0);
        }
        expectOnlyConflicts(
          books.filter((o) => !o.ok),
          wins,
        );
        for (const w of [...newWinners, ...oldWinners]) wins.add(w.patient.id);

        const active = await activeAt(s.practitioner.id, s.at(day, '00:00'), s.at(day + 1, '00:00'));
        const mine = active.find((a) => a.id === booked.data!.id);
        expect(mine?.starts_at.toISOString()).toBe(move.ok ? newTime : oldTime);
        expect(active.map((a) => a.starts_at.toISOString()).sort()).toEqual(
          move.ok && oldWinners.length === 0 ? [newTime] : [oldTime, newTime],
        );
      }
    },
    RACE_TIMEOUT,
  );

  // Runs last in this file (Vitest runs a file's tests in order): after every race above.
  it('left no two active appointments of any practitioner overlapping, in the whole database', async () => {
    expect(await overlappingAppointments()).toEqual([]);
  });
});
