// notify's dispatch loop with fakes: who may call it, one delivery's failure never stops another,
// permanent failures die at once, 429 reset times and idempotency keys reach the database and Brevo,
// SMS go to people with a phone number and are skipped for the others.
import assert from 'node:assert/strict';
import {
  handler,
  linkFor,
  SendError,
  type ClaimedDelivery,
  type NotifyDeps,
  type Outcome,
  type OutgoingEmail,
  type OutgoingSms,
} from './handler.ts';

const patientId = '11111111-1111-4111-8111-111111111111';
const practitionerId = '22222222-2222-4222-8222-222222222222';

function delivery(n: number, overrides: Partial<ClaimedDelivery> = {}): ClaimedDelivery {
  return {
    id: `d${n}`,
    channel: 'email',
    attempts: 1,
    topic: 'appointment.confirmed',
    recipient_id: patientId,
    email: `p${n}@example.test`,
    phone: `+3361234567${n}`,
    full_name: 'Paul',
    locale: 'fr',
    time_zone: 'Europe/Paris',
    context: {
      patient_id: patientId,
      practitioner_id: practitionerId,
      starts_at: '2027-03-01T08:00:00Z',
      time_zone: 'Europe/Paris',
      practitioner_name: 'Dr Léa Martin',
      consultation_fr: 'Consultation',
      consultation_en: 'Visit',
    },
    ...overrides,
  };
}

function fake(
  batches: ClaimedDelivery[][],
  send: (e: OutgoingEmail) => Promise<{ messageId: string }>,
  sendSms: (s: OutgoingSms) => Promise<{ messageId: string }> = () => Promise.resolve({ messageId: '1' }),
  findSentSms: (key: string) => Promise<string | null> = () => Promise.resolve(null),
) {
  const finished: [string, Outcome][] = [];
  const plans = [3];
  const deps: NotifyDeps = {
    planDeliveries: () => Promise.resolve(plans.shift() ?? 0),
    claimDeliveries: () => Promise.resolve(batches.shift() ?? []),
    finishDeliveries: (outcomes) => {
      const statuses = new Map<string, 'pending' | 'sent' | 'dead' | 'skipped'>();
      for (const { id, outcome } of outcomes) {
        finished.push([id, outcome]);
        statuses.set(
          id,
          'skipped' in outcome ? 'skipped' : outcome.sent ? 'sent' : outcome.permanent ? 'dead' : 'pending',
        );
      }
      return Promise.resolve(statuses);
    },
    sendEmail: send,
    sendSms,
    findSentSms,
    roleOf: (jwt) => (jwt === 'service' ? 'service_role' : 'authenticated'),
    log: () => {},
  };
  return { deps, finished, plans };
}

/** The counts of a tick's answer (batch_ms, timings, left out). */
async function counts(res: Response) {
  const { batch_ms, ...rest } = await res.json();
  assert.ok(Array.isArray(batch_ms));
  return rest;
}

const post = (token?: string) =>
  new Request('http://x/notify', {
    method: 'POST',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

Deno.test('only the service role may run it', async () => {
  const { deps } = fake([], () => Promise.resolve({ messageId: 'm' }));
  assert.equal((await handler(deps)(post())).status, 401);
  const refused = await handler(deps)(post('user'));
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).error.code, 'forbidden');
  assert.equal((await handler(deps)(new Request('http://x/notify'))).status, 405);
});

Deno.test('sends each delivery on its own: a failing one is retried, the others go', async () => {
  const sent: OutgoingEmail[] = [];
  const { deps, finished } = fake([[delivery(1), delivery(2), delivery(3)]], (e) => {
    if (e.to.email === 'p2@example.test') return Promise.reject(new SendError('Brevo 500: boom'));
    sent.push(e);
    return Promise.resolve({ messageId: `<m${sent.length}>` });
  });
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 3, sent: 2, retried: 1, dead: 0, skipped: 0 });
  assert.deepEqual(
    sent.map((e) => e.idempotencyKey),
    ['delivery-d1', 'delivery-d3'],
  );
  assert.equal(sent[0]!.subject, 'Rendez-vous confirmé avec Dr Léa Martin');
  assert.match(sent[0]!.text, /lundi 1 mars 2027 à 09:00 \(Europe\/Paris\)/);
  assert.deepEqual(finished.find(([id]) => id === 'd2')?.[1], {
    sent: false,
    error: 'Brevo 500: boom',
    retryAfterSeconds: undefined,
    permanent: false,
  });
});

Deno.test("passes Brevo's reset time on, and kills what can never be sent", async () => {
  const { deps, finished } = fake(
    [
      [
        delivery(1),
        delivery(2, { email: null }),
        delivery(3, { recipient_id: 'someone-else' }),
        delivery(4, { channel: 'in_app' }),
      ],
    ],
    () => Promise.reject(new SendError('Brevo 429: slow down', 42)),
  );
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 3, sent: 0, retried: 1, dead: 3, skipped: 0 });
  assert.equal((finished[0]![1] as { retryAfterSeconds?: number }).retryAfterSeconds, 42);
  assert.ok(finished.slice(1).every(([, o]) => !o.sent && 'permanent' in o && o.permanent));
});

Deno.test('stops claiming when its time budget is spent', async () => {
  let t = 0;
  const { deps } = fake([[delivery(1)], [delivery(2)], [delivery(3)]], () =>
    Promise.resolve({ messageId: 'm' }),
  );
  const res = await handler({ ...deps, now: () => (t += 30), budgetMs: 50 })(post('service'));
  assert.equal((await res.json()).sent, 1);
});

Deno.test('skips a reminder of a time the appointment no longer has, and sends the current one', async () => {
  const sent: OutgoingEmail[] = [];
  const reminder = (n: number, remindedAt: string, status = 'confirmed') =>
    delivery(n, {
      topic: 'appointment.reminder',
      context: {
        ...delivery(n).context,
        status,
        reminded_starts_at: remindedAt,
        starts_at: '2027-03-01T10:00:00Z',
      },
    });
  const { deps } = fake(
    [
      [
        reminder(1, '2027-03-01T08:00:00Z'),
        reminder(2, '2027-03-01T10:00:00+00:00'),
        reminder(3, '2027-03-01T10:00:00Z', 'cancelled'),
      ],
    ],
    (e) => {
      sent.push(e);
      return Promise.resolve({ messageId: 'm' });
    },
  );
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 3, sent: 1, retried: 0, dead: 0, skipped: 2 });
  assert.equal(sent[0]!.subject, 'Rappel : rendez-vous avec Dr Léa Martin');
  assert.match(sent[0]!.text, /à 11:00 \(Europe\/Paris\)/);
});

Deno.test(
  'sends an SMS with its key and tags, in GSM-7 when it can, and skips a person without a phone',
  async () => {
    const texts: OutgoingSms[] = [];
    const { deps, finished } = fake(
      [
        [
          delivery(1, { channel: 'sms' }),
          delivery(2, { channel: 'sms', phone: null }),
          delivery(3, { channel: 'sms', topic: 'practitioner.verification.submitted' }),
        ],
      ],
      () => Promise.reject(new Error('no e-mail here')),
      (sms) => {
        texts.push(sms);
        return Promise.resolve({ messageId: '777' });
      },
    );
    const res = await handler(deps)(post('service'));
    const answer = await res.json();
    assert.equal(answer.sent, 1);
    assert.equal(answer.skipped, 1);
    assert.equal(texts.length, 1);
    assert.equal(texts[0]!.to, '+33612345671');
    assert.equal(texts[0]!.idempotencyKey, 'delivery-d1');
    assert.deepEqual(texts[0]!.tags, ['appointment.confirmed']);
    assert.match(texts[0]!.text, /^Carebook: /);
    assert.equal(texts[0]!.unicode, false);
    assert.deepEqual(finished.find(([id]) => id === 'd1')?.[1], { sent: true, providerMessageId: '777' });
    assert.deepEqual(finished.find(([id]) => id === 'd2')?.[1], {
      sent: false,
      skipped: true,
      error: 'recipient has no phone number',
    });
    // A topic without an SMS text is the plan's mistake, not a failure to retry.
    const d3 = finished.find(([id]) => id === 'd3')?.[1];
    assert.ok(d3 && !d3.sent && 'permanent' in d3 && d3.permanent);
  },
);

Deno.test("an SMS failure keeps Brevo's verdict: reset time, retry, or dead at once", async () => {
  const errors = [
    new SendError('Brevo 429: wait', 9),
    new SendError('Brevo 503: down'),
    new SendError('Brevo 400: bad', undefined, true),
  ];
  const { deps, finished } = fake(
    [[delivery(1, { channel: 'sms' }), delivery(2, { channel: 'sms' }), delivery(3, { channel: 'sms' })]],
    () => Promise.resolve({ messageId: 'm' }),
    () => Promise.reject(errors.shift()),
  );
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 3, sent: 0, retried: 2, dead: 1, skipped: 0 });
  assert.deepEqual(
    finished.map(([, o]) => (o.sent || 'skipped' in o ? null : [o.retryAfterSeconds, o.permanent])),
    [
      [9, false],
      [undefined, false],
      [undefined, true],
    ],
  );
});

Deno.test('a retried SMS that Brevo already took is not sent again; one Brevo cannot vouch for waits', async () => {
  const texts: OutgoingSms[] = [];
  const asked: string[] = [];
  const { deps, finished } = fake(
    [
      [
        delivery(1, { channel: 'sms' }),
        delivery(2, { channel: 'sms', attempts: 2 }),
        delivery(3, { channel: 'sms', attempts: 3 }),
        delivery(4, { channel: 'sms', attempts: 2 }),
      ],
    ],
    () => Promise.reject(new Error('no e-mail here')),
    (sms) => {
      texts.push(sms);
      return Promise.resolve({ messageId: `new-${sms.idempotencyKey}` });
    },
    (key) => {
      asked.push(key);
      if (key === 'delivery-d2') return Promise.resolve('earlier-2');
      if (key === 'delivery-d4') return Promise.reject(new SendError('Brevo 503: down'));
      return Promise.resolve(null);
    },
  );
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 3, sent: 3, retried: 1, dead: 0, skipped: 0 });
  // The first attempt asks nothing; each retry asks by its key.
  assert.deepEqual(asked, ['delivery-d2', 'delivery-d3', 'delivery-d4']);
  assert.deepEqual(
    texts.map((t) => t.idempotencyKey),
    ['delivery-d1', 'delivery-d3'],
  );
  assert.deepEqual(finished.find(([id]) => id === 'd2')?.[1], { sent: true, providerMessageId: 'earlier-2' });
  const d4 = finished.find(([id]) => id === 'd4')?.[1];
  assert.ok(d4 && !d4.sent && !('skipped' in d4) && !d4.permanent);
});

Deno.test("writes instants in the recipient's own zone", async () => {
  const sent: OutgoingEmail[] = [];
  const { deps } = fake([[delivery(1, { time_zone: 'America/New_York', locale: 'en' })]], (e) => {
    sent.push(e);
    return Promise.resolve({ messageId: 'm' });
  });
  await handler(deps)(post('service'));
  assert.match(sent[0]!.text, /America\/New_York/);
});

Deno.test('plans more when nothing is due, so a backlog drains in one tick', async () => {
  const { deps, plans } = fake([[delivery(1)], [], [delivery(2)]], () => Promise.resolve({ messageId: 'm' }));
  plans.push(2);
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 5, sent: 2, retried: 0, dead: 0, skipped: 0 });
});

Deno.test('takes a batch size from the body, and refuses one out of bounds', async () => {
  const sizes: number[] = [];
  const { deps } = fake([[delivery(1)]], () => Promise.resolve({ messageId: 'm' }));
  const claim = deps.claimDeliveries;
  deps.claimDeliveries = (limit) => {
    sizes.push(limit);
    return claim(limit);
  };
  const ask = (body: string) =>
    handler(deps)(
      new Request('http://x/notify', { method: 'POST', headers: { Authorization: 'Bearer service' }, body }),
    );
  const res = await ask('{"batch_size": 250}');
  assert.equal(res.status, 200);
  assert.equal(sizes[0], 250);
  const refused = await ask('{"batch_size": 501}');
  assert.equal(refused.status, 400);
  assert.equal((await refused.json()).error.code, 'invalid_input');
});

Deno.test("stops the tick after a 429: Brevo's limit is the account's", async () => {
  const { deps } = fake([[delivery(1)], [delivery(2)]], (e) =>
    e.to.email === 'p1@example.test'
      ? Promise.reject(new SendError('Brevo 429: slow down', 5))
      : Promise.resolve({ messageId: 'm' }),
  );
  const res = await handler(deps)(post('service'));
  assert.deepEqual(await counts(res), { planned: 3, sent: 0, retried: 1, dead: 0, skipped: 0 });
});

Deno.test('links each message to the page it is about, in the recipient’s app', () => {
  const urls = { booking: 'https://book.example/', practitioner: 'https://pro.example' };
  const appointment = { appointment_id: 'a1' };
  assert.equal(
    linkFor(urls, 'patient', 'appointment.confirmed', appointment),
    'https://book.example/appointments/a1',
  );
  assert.equal(linkFor(urls, 'patient', 'payment.refunded', {}), 'https://book.example/account/payments');
  assert.equal(
    linkFor(urls, 'practitioner', 'subscription.payment_failed', {}),
    'https://pro.example/billing',
  );
  assert.equal(linkFor(urls, 'practitioner', 'appointment.confirmed', appointment), 'https://pro.example/');
  assert.equal(linkFor({}, 'patient', 'appointment.confirmed', appointment), undefined);
  assert.equal(
    linkFor(urls, 'practitioner', 'homecare.offer', { offer_token: 'o1.sig' }),
    'https://pro.example/home-care/offers/o1.sig',
  );
  assert.equal(
    linkFor(urls, 'patient', 'homecare.accepted', { request_id: 'r1' }),
    'https://book.example/home-care/r1',
  );
});
