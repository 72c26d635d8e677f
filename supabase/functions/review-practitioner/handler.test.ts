// review-practitioner's handler with fake deps: no network, no database. The fakes answer what the
// database would (PTxyz errors with its messages) and record every call.
import assert from 'node:assert/strict';
import type { DbError } from '../_shared/api-error.ts';
import type { ReviewRequest } from '../_shared/domain/index.ts';
import type { StaffLookup } from '../_shared/staff.ts';
import { type DbResult, DOCUMENT_URL_SECONDS, handler, type ReviewPractitionerDeps } from './handler.ts';

const practitionerId = '0b6f4a52-7c1d-4e2b-8a39-5d1e6f7a8b9c';
const documentId = 'c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const staffLookup: StaffLookup = {
  status: 'ok',
  userId: 'a1b2c3d4-0000-4000-8000-000000000001',
  staff: true,
};
const row = { id: practitionerId, verification_status: 'verified', status_reason: null, published: false };

interface Fake extends ReviewPractitionerDeps {
  calls: string[];
  reviews: ReviewRequest[];
  logged: string[];
}

function fake(
  options: {
    staff?: StaffLookup;
    review?: DbResult<Record<string, unknown>> | Error;
    open?: DbResult<string>;
    signed?: string | null;
  } = {},
): Fake {
  const calls: string[] = [];
  const reviews: ReviewRequest[] = [];
  const logged: string[] = [];
  return {
    calls,
    reviews,
    logged,
    log: (line) => logged.push(line),
    lookUpStaff(jwt) {
      calls.push(`lookUpStaff ${jwt}`);
      return Promise.resolve(options.staff ?? staffLookup);
    },
    review(jwt, request) {
      calls.push(`review ${jwt}`);
      reviews.push(request);
      const answer = options.review ?? { data: row, error: null };
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    openDocument(jwt, id) {
      calls.push(`openDocument ${jwt} ${id}`);
      return Promise.resolve(options.open ?? { data: `${practitionerId}/diploma.pdf`, error: null });
    },
    signDocument(path, expiresIn) {
      calls.push(`signDocument ${path} ${expiresIn}`);
      return Promise.resolve(
        options.signed === undefined ? `https://storage.test/sign/${path}?token=t` : options.signed,
      );
    },
  };
}

const dbError = (
  code: string,
  message: string,
  hint: string | null = null,
  details: string | null = null,
): DbResult<never> => ({
  data: null,
  error: { code, message, hint, details } satisfies DbError,
});

function post(body: unknown, path = '/review-practitioner'): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer staff-jwt', 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const get = (path: string) =>
  new Request(`http://localhost${path}`, { headers: { Authorization: 'Bearer staff-jwt' } });

Deno.test('approves through the database with the caller JWT and answers the row (200)', async () => {
  const deps = fake();
  const res = await handler(deps)(post({ practitioner_id: practitionerId, action: 'approve' }));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { practitioner: row });
  assert.deepEqual(deps.calls, ['lookUpStaff staff-jwt', 'review staff-jwt']);
  assert.deepEqual(deps.reviews, [{ practitionerId, action: 'approve', reason: null }]);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
});

Deno.test('passes the trimmed reason of a rejection to the database', async () => {
  const deps = fake();
  const res = await handler(deps)(
    post({ practitioner_id: practitionerId, action: 'reject', reason: ' Blurry diploma ' }),
  );
  assert.equal(res.status, 200);
  assert.deepEqual(deps.reviews, [{ practitionerId, action: 'reject', reason: 'Blurry diploma' }]);
  await res.body?.cancel();
});

Deno.test('passes the state the reviewer saw, and answers the database\'s stale_review as 409', async () => {
  const deps = fake({
    review: dbError('PT409', 'The profile is now verified (you saw it submitted)', null, 'stale_review'),
  });
  const res = await handler(deps)(
    post({ practitioner_id: practitionerId, action: 'reject', reason: 'Blurry', expected_status: 'submitted' }),
  );
  assert.equal(res.status, 409);
  assert.equal((await res.json()).error.code, 'stale_review');
  assert.deepEqual(deps.reviews, [
    { practitionerId, action: 'reject', reason: 'Blurry', expectedStatus: 'submitted' },
  ]);
});

Deno.test('answers 400 with field errors and never calls the database', async () => {
  const deps = fake();
  const res = await handler(deps)(post({ practitioner_id: 'not-a-uuid', action: 'suspend' }));
  assert.equal(res.status, 400);
  assert.deepEqual(await res.json(), {
    error: {
      code: 'invalid_input',
      message: 'Invalid request: practitioner_id is invalid, reason is required.',
      fields: { practitioner_id: 'invalid', reason: 'required' },
    },
  });
  assert.deepEqual(deps.calls, ['lookUpStaff staff-jwt']);
});

Deno.test('answers 400 to an unknown action and to a reason over 2000 characters', async () => {
  const unknown = await handler(fake())(post({ practitioner_id: practitionerId, action: 'delete' }));
  assert.equal(unknown.status, 400);
  assert.deepEqual((await unknown.json()).error.fields, { action: 'invalid' });
  const long = await handler(fake())(
    post({ practitioner_id: practitionerId, action: 'reject', reason: 'x'.repeat(2001) }),
  );
  assert.equal(long.status, 400);
  assert.deepEqual((await long.json()).error.fields, { reason: 'too_long' });
});

Deno.test('answers 400 to a body that is not a JSON object', async () => {
  for (const body of ['{not json', '[1, 2]', 'null']) {
    const deps = fake();
    const res = await handler(deps)(post(body));
    assert.equal(res.status, 400, body);
    assert.equal((await res.json()).error.code, 'invalid_json');
    assert.deepEqual(deps.calls, ['lookUpStaff staff-jwt']);
  }
});

Deno.test('answers 403 to a signed-in non-staff caller before reading the body or the route', async () => {
  const deps = fake({ staff: { status: 'ok', userId: 'u', staff: false } });
  for (const req of [
    post({}),
    get('/review-practitioner/documents/whatever'),
    get('/review-practitioner/nope'),
  ]) {
    const res = await handler(deps)(req);
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), {
      error: { code: 'staff_only', message: 'Only staff can review practitioners.' },
    });
  }
  assert.ok(deps.calls.every((call) => call.startsWith('lookUpStaff')));
});

Deno.test('answers 401 without a token, and when the token names no user', async () => {
  const deps = fake();
  const res = await handler(deps)(new Request('http://localhost/review-practitioner', { method: 'POST' }));
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'not_authenticated');
  assert.deepEqual(deps.calls, []);
  const anon = await handler(fake({ staff: { status: 'no-user' } }))(post({}));
  assert.equal(anon.status, 401);
  await anon.body?.cancel();
});

Deno.test("answers 409 with the database's message and hint for an illegal move", async () => {
  const deps = fake({
    review: dbError(
      'PT409',
      'Cannot approve a draft profile',
      'approve or reject: submitted profiles; suspend: verified ones; reinstate: suspended ones.',
    ),
  });
  const res = await handler(deps)(post({ practitioner_id: practitionerId, action: 'approve' }));
  assert.equal(res.status, 409);
  assert.deepEqual(await res.json(), {
    error: {
      code: 'illegal_transition',
      message: 'Cannot approve a draft profile',
      hint: 'approve or reject: submitted profiles; suspend: verified ones; reinstate: suspended ones.',
    },
  });
});

Deno.test('answers 404 for a practitioner the database does not know, and 403 when it refuses', async () => {
  const missing = await handler(fake({ review: dbError('PT404', `No practitioner ${practitionerId}`) }))(
    post({ practitioner_id: practitionerId, action: 'reinstate' }),
  );
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), {
    error: { code: 'not_found', message: `No practitioner ${practitionerId}` },
  });
  const refused = await handler(fake({ review: dbError('PT403', 'Only staff can review practitioners') }))(
    post({ practitioner_id: practitionerId, action: 'approve' }),
  );
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).error.code, 'forbidden');
});

Deno.test('answers 400 with the database message when it refuses the request itself', async () => {
  const res = await handler(fake({ review: dbError('PT400', 'A reason is required to reject') }))(
    post({ practitioner_id: practitionerId, action: 'reject', reason: 'r' }),
  );
  assert.equal(res.status, 400);
  assert.deepEqual(await res.json(), {
    error: { code: 'invalid_input', message: 'A reason is required to reject' },
  });
});

Deno.test("answers the database's refusal code when it sends one in details", async () => {
  const res = await handler(
    fake({ review: dbError('PT400', 'A reason is required to reject', null, 'reason_required') }),
  )(post({ practitioner_id: practitionerId, action: 'reject', reason: 'r' }));
  assert.equal(res.status, 400);
  assert.deepEqual(await res.json(), {
    error: { code: 'reason_required', message: 'A reason is required to reject' },
  });
});

Deno.test('answers 500 without details for other database errors or failures, and logs why', async () => {
  const deps = fake({ review: dbError('42P01', 'relation "public.practitioners" does not exist') });
  const res = await handler(deps)(post({ practitioner_id: practitionerId, action: 'approve' }));
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), {
    error: { code: 'internal_error', message: 'Something went wrong; try again.' },
  });
  assert.deepEqual(deps.logged, [
    'review-practitioner: 42P01 relation "public.practitioners" does not exist',
  ]);

  const thrown = fake({ review: new Error('network down') });
  const res2 = await handler(thrown)(post({ practitioner_id: practitionerId, action: 'approve' }));
  assert.equal(res2.status, 500);
  assert.deepEqual(thrown.logged, ['review-practitioner: network down']);
  await res2.body?.cancel();
});

Deno.test('opens a document: audited by the database first, then a 60 s signed URL (200)', async () => {
  const deps = fake();
  const res = await handler(deps)(get(`/review-practitioner/documents/${documentId.toUpperCase()}`));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    url: `https://storage.test/sign/${practitionerId}/diploma.pdf?token=t`,
    expires_in: DOCUMENT_URL_SECONDS,
  });
  assert.equal(DOCUMENT_URL_SECONDS, 60);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  assert.deepEqual(deps.calls, [
    'lookUpStaff staff-jwt',
    `openDocument staff-jwt ${documentId}`,
    `signDocument ${practitionerId}/diploma.pdf 60`,
  ]);
});

Deno.test('answers 404 for an unknown document, or one whose file is gone; 400 for a bad id', async () => {
  const unknown = fake({ open: dbError('PT404', `No verification document ${documentId}`) });
  const res = await handler(unknown)(get(`/review-practitioner/documents/${documentId}`));
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.code, 'not_found');
  assert.ok(!unknown.calls.some((call) => call.startsWith('signDocument')));

  const gone = await handler(fake({ signed: null }))(get(`/review-practitioner/documents/${documentId}`));
  assert.equal(gone.status, 404);
  assert.equal((await gone.json()).error.code, 'document_file_missing');

  const bad = await handler(fake())(get('/review-practitioner/documents/42'));
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).error.fields, { document_id: 'invalid' });
});

Deno.test('answers 404 to unknown routes and 405 to the wrong method', async () => {
  const unknown = await handler(fake())(get('/review-practitioner/documents'));
  assert.equal(unknown.status, 404);
  await unknown.body?.cancel();
  const getReview = await handler(fake())(get('/review-practitioner'));
  assert.equal(getReview.status, 405);
  await getReview.body?.cancel();
  const postDocument = await handler(fake())(post({}, `/review-practitioner/documents/${documentId}`));
  assert.equal(postDocument.status, 405);
  await postDocument.body?.cancel();
});

Deno.test('answers a CORS preflight without auth and without asking anything', async () => {
  const deps = fake();
  const res = await handler(deps)(new Request('http://localhost/review-practitioner', { method: 'OPTIONS' }));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  const allowed = res.headers.get('Access-Control-Allow-Headers') ?? '';
  for (const header of ['authorization', 'x-client-info', 'apikey', 'content-type'])
    assert.ok(allowed.includes(header), header);
  assert.deepEqual(deps.calls, []);
  await res.body?.cancel();
});
