// The dispatcher dies mid-batch and comes back: at most once (Brevo's idempotency key, derived
// from the delivery id) and at least once (the claim's two-minute lease runs out). Two more
// functions processes (real Deno, like the stack's) run notify here, so that killing the first
// with SIGKILL leaves the stack's own alone; other files' ticks wait (the test kit's notify lock)
// and their pending work is parked meanwhile. The lease running out is simulated by moving
// next_attempt_at back with SQL.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { brevoControl, type AddedRule, type InboxMessage } from '@carebook/fakes';
import { startFunctions, type RunningService } from '@carebook/local-stack';
import { config, practitionerOpen, service, sql, user, withNotifyLock } from '@carebook/testing';

const control = brevoControl(config.fakesUrl);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, config.host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function runner(): Promise<RunningService & { pid?: number }> {
  const service = await startFunctions(config, () => {}, { port: await freePort(), watch: false });
  cleanup.push(() => service.stop());
  return service;
}

const notify = (url: string) =>
  fetch(`${url}/notify`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${config.serviceRoleKey}`, 'Content-Type': 'application/json' },
    body: '{}',
  });

async function inbox(to: string): Promise<InboxMessage[]> {
  const res = await fetch(`${config.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

/** Moves every pending delivery and outbox message not about `people` a day ahead; answers the undo. */
async function park(people: string[]): Promise<() => Promise<void>> {
  const rows = await sql<{ kind: string; id: string }>(
    `with d as (
       update public.deliveries set next_attempt_at = next_attempt_at + interval '1 day'
        where status = 'pending' and recipient_id <> all ($1::uuid[]) returning id::text
     ), o as (
       update public.outbox set next_attempt_at = next_attempt_at + interval '1 day'
        where status = 'pending'
          and not coalesce(payload ->> 'patient_id' = any ($1::text[]), false)
          and not coalesce(payload ->> 'practitioner_id' = any ($1::text[]), false)
          and not coalesce(payload ->> 'profile_id' = any ($1::text[]), false)
       returning id::text
     )
     select 'd' as kind, id from d union all select 'o', id from o`,
    [people],
  );
  let undone = false;
  return async () => {
    if (undone) return;
    undone = true;
    const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.id);
    await sql(
      `update public.deliveries set next_attempt_at = next_attempt_at - interval '1 day' where id = any ($1::uuid[])`,
      [ids('d')],
    );
    await sql(
      `update public.outbox set next_attempt_at = next_attempt_at - interval '1 day' where id = any ($1::bigint[])`,
      [ids('o')],
    );
  };
}

async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notify killed in the middle of a batch', () => {
  it('sends exactly one e-mail and one SMS per delivery after a restart', { timeout: 90_000 }, async () => {
    const s = await practitionerOpen();
    const patients = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const person = await user('patient', { meta: { locale: i === 0 ? 'en' : 'fr' } });
        const phone = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
        const { data } = await service()
          .from('profiles')
          .update({ phone })
          .eq('id', person.id)
          .select('email')
          .single();
        return { ...person, phone, email: data!.email! };
      }),
    );
    const first = await runner();
    const second = await runner();
    // From the bookings on, no other file's tick (the test kit's notify lock): these deliveries are
    // sent by this file's processes only.
    await withNotifyLock(async () => {
      for (const [i, p] of patients.entries()) {
        expect((await s.book(p, s.at(3, `${String(9 + i).padStart(2, '0')}:00`))).error).toBeNull();
      }
      // Patient 0: Brevo takes the e-mail and the SMS at once but answers late (the answers are lost
      // with the process). Patient 1: fast answers. Patient 2: a slow 503, so nothing is taken.
      const [slow, fast, failing] = patients as [
        (typeof patients)[0],
        (typeof patients)[0],
        (typeof patients)[0],
      ];
      const added: AddedRule[] = [
        await control.addRule({ recipients: [slow.email, slow.phone], delayMs: 20_000 }),
        await control.addRule({ recipients: [failing.email, failing.phone], delayMs: 20_000, status: 503 }),
      ];
      cleanup.push(async () => {
        for (const r of added) await r.remove().catch(() => {});
      });

      // Other files' pending work is parked a day ahead meanwhile, so that the process killed
      // below holds (and the restarted one sends) this file's deliveries only.
      const unpark = await park([...patients.map((p) => p.id), s.practitioner.id]);
      cleanup.push(unpark);
      const pending = notify(first.url).then(
        (res) => res.status,
        () => 'killed' as const,
      );
      const everyone = patients.flatMap((p) => [p.email, p.phone]);
      await until('a send to every recipient', async () => {
        for (const to of everyone) if ((await control.calls({ recipient: to })).length === 0) return false;
        return true;
      });
      // Sends in flight: kill the Deno process that makes them (its whole group), as a crash would.
      expect(first.pid).toBeGreaterThan(0);
      process.kill(-first.pid!, 'SIGKILL');
      expect(await pending).toBe('killed');
      for (const r of added.splice(0)) await r.remove();
      const ids = patients.map((p) => p.id);
      const leased = await sql<{
        id: string;
        status: string;
        attempts: number;
        leased: boolean;
        key: string;
      }>(
        `select d.id, d.status::text, d.attempts, d.next_attempt_at > now() + interval '1 minute' as leased,
              'delivery-' || d.id as key
         from public.deliveries d join public.outbox o on o.id = d.outbox_id
        where d.recipient_id = any ($1) and o.topic = 'appointment.confirmed'`,
        [ids],
      );
      expect(leased).toHaveLength(6);
      expect(leased.every((d) => d.status === 'pending' && d.attempts === 1 && d.leased)).toBe(true);
      // The two-minute lease runs out.
      await sql('update public.deliveries set next_attempt_at = now() where id = any ($1)', [
        leased.map((d) => d.id),
      ]);

      expect((await notify(second.url)).status).toBe(200);
      await unpark();

      const after = await sql<{ status: string; attempts: number }>(
        'select status::text, attempts from public.deliveries where id = any ($1)',
        [leased.map((d) => d.id)],
      );
      expect(after.every((d) => d.status === 'sent' && d.attempts === 2)).toBe(true);
      for (const p of patients) {
        const mails = (await inbox(p.email)).filter((m) => m.tags.includes('appointment.confirmed'));
        const texts = (await inbox(p.phone)).filter((m) => m.tags.includes('appointment.confirmed'));
        expect([mails.length, texts.length], p.email).toEqual([1, 1]);
      }
      // What Brevo saw: the slow and fast patients' first sends were taken; the e-mail retries were
      // answered as repeats of their key, and the SMS retries never went: Brevo sends an SMS twice
      // if asked twice, so a retry first finds the earlier one in Brevo's SMS events by its key tag.
      // The failing patient's first sends were refused, their retries sent.
      // Told apart by key: other files' reminder ticks may remind these appointments too.
      const keys = leased.map((d) => d.key);
      const seen = async (to: string) =>
        (await control.calls({ recipient: to }))
          .filter((c) => keys.includes(c.idempotencyKey ?? ''))
          .map((c) => [c.status, c.duplicate]);
      for (const to of [slow.email, fast.email])
        expect(await seen(to)).toEqual([
          [201, false],
          [201, true],
        ]);
      for (const to of [slow.phone, fast.phone]) expect(await seen(to)).toEqual([[201, false]]);
      for (const to of [failing.email, failing.phone])
        expect(await seen(to)).toEqual([
          [503, false],
          [201, false],
        ]);
    });
  });
});
