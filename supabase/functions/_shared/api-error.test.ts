// The one error shape, and database errors turned into HTTP answers: PTxyz decides the status,
// a refusal code in `details` decides error.code.
import assert from 'node:assert/strict';
import {
  apiError,
  type DbError,
  dbErrorResponse,
  fromDbError,
  internalError,
  methodNotAllowed,
  notAuthenticated,
} from './api-error.ts';
import { isServerRefusalCode } from './domain/index.ts';

const db = (code: string, message: string, more: Partial<DbError> = {}): DbError => ({
  code,
  message,
  hint: null,
  details: null,
  ...more,
});

Deno.test('apiError answers { error } with CORS, JSON and the headers and fields given', async () => {
  const res = apiError(
    409,
    { code: 'slot_taken', message: 'Taken.', hint: 'Pick another time.' },
    { headers: { 'Cache-Control': 'no-store' }, extra: { ok: false } },
  );
  assert.equal(res.status, 409);
  assert.equal(res.headers.get('Content-Type'), 'application/json');
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  assert.deepEqual(await res.json(), {
    ok: false,
    error: { code: 'slot_taken', message: 'Taken.', hint: 'Pick another time.' },
  });
});

Deno.test('extra fields cannot replace error', async () => {
  const res = apiError(400, { code: 'invalid_input', message: 'm' }, { extra: { error: 'spoofed' } });
  assert.deepEqual(await res.json(), { error: { code: 'invalid_input', message: 'm' } });
});

Deno.test('the shared answers: 401, 405 with Allow, 500 logged without details', async () => {
  const unauthenticated = notAuthenticated();
  assert.equal(unauthenticated.status, 401);
  assert.deepEqual(await unauthenticated.json(), {
    error: { code: 'not_authenticated', message: 'Sign in first.' },
  });

  const wrongMethod = methodNotAllowed(['GET', 'HEAD']);
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('Allow'), 'GET, HEAD');
  assert.deepEqual(await wrongMethod.json(), {
    error: { code: 'method_not_allowed', message: 'Use GET or HEAD.' },
  });

  const logged: string[] = [];
  const failed = internalError((line) => logged.push(line), 'book', new Error('connection reset'));
  assert.equal(failed.status, 500);
  assert.deepEqual(await failed.json(), {
    error: { code: 'internal_error', message: 'Something went wrong; try again.' },
  });
  assert.deepEqual(logged, ['book: connection reset']);
});

Deno.test(
  "a refusal code in details becomes error.code, over the function's own code for the status",
  async () => {
    const res = dbErrorResponse(
      db('PT409', 'This time is already taken', { details: 'slot_taken', hint: 'Pick another time.' }),
      { 409: 'illegal_transition' },
    );
    assert.ok(res);
    assert.equal(res.status, 409);
    assert.deepEqual(await res.json(), {
      error: { code: 'slot_taken', message: 'This time is already taken', hint: 'Pick another time.' },
    });
  },
);

Deno.test('every refusal code the database raises passes through', async () => {
  const cases: [string, string, number][] = [
    ['PT409', 'slot_taken', 409],
    ['PT409', 'illegal_transition', 409],
    ['PT400', 'registration_invalid', 400],
    ['PT400', 'reason_required', 400],
    ['PT403', 'forbidden', 403],
  ];
  for (const [sqlstate, code, status] of cases) {
    const res = dbErrorResponse(db(sqlstate, 'm', { details: code }));
    assert.equal(res?.status, status, code);
    assert.equal((await res!.json()).error.code, code);
  }
});

Deno.test('details that are not a refusal code fall back to the mapping by status', async () => {
  for (const details of [
    'Key (id)=(1) already exists.',
    'Slot_taken',
    'slot-taken',
    'no_such_code',
    '_x',
    'slot taken',
    '',
    'x1',
  ]) {
    assert.equal(isServerRefusalCode(details), false, details);
    const res = dbErrorResponse(db('PT409', 'Taken', { details }), { 409: 'illegal_transition' });
    assert.deepEqual(await res!.json(), { error: { code: 'illegal_transition', message: 'Taken' } }, details);
  }
  const generic = dbErrorResponse(db('PT404', 'No such appointment'));
  assert.deepEqual(await generic!.json(), { error: { code: 'not_found', message: 'No such appointment' } });
  const unmapped = dbErrorResponse(db('PT422', 'Key reused'));
  assert.equal(unmapped!.status, 422);
  assert.equal((await unmapped!.json()).error.code, 'invalid_input');
});

Deno.test('errors that are not PTxyz are not for the caller, even with a code-like details', async () => {
  assert.equal(
    dbErrorResponse(
      db('23P01', 'conflicting key value violates exclusion constraint', { details: 'slot_taken' }),
    ),
    null,
  );
  assert.equal(dbErrorResponse(db('PGRST301', 'JWT expired')), null);
  assert.equal(dbErrorResponse(db('PT600', 'no such status')), null);

  const logged: string[] = [];
  const res = fromDbError(db('42P01', 'relation "x" does not exist', { details: 'missing' }), {
    fn: 'review-practitioner',
    log: (line) => logged.push(line),
  });
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), {
    error: { code: 'internal_error', message: 'Something went wrong; try again.' },
  });
  assert.deepEqual(logged, ['review-practitioner: 42P01 relation "x" does not exist']);
});

Deno.test('fromDbError answers a PTxyz error like dbErrorResponse and logs nothing', async () => {
  const logged: string[] = [];
  const res = fromDbError(db('PT400', 'A reason is required to reject', { details: 'reason_required' }), {
    fn: 'review-practitioner',
    log: (line) => logged.push(line),
    codes: { 400: 'invalid_input' },
  });
  assert.equal(res.status, 400);
  assert.deepEqual(await res.json(), {
    error: { code: 'reason_required', message: 'A reason is required to reject' },
  });
  assert.deepEqual(logged, []);
});
