import { describe, expect, it } from 'vitest';
import { errors, fromPgError, toStorageError } from './errors.ts';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('Storage error JSON', () => {
  it('puts the real status in the body and answers 400 on the wire, as hosted Storage', () => {
    const e = errors.noSuchKey();
    expect(e.httpStatus).toBe(400);
    expect(e.body()).toEqual({
      statusCode: '404',
      code: 'NoSuchKey',
      error: 'not_found',
      message: 'Object not found',
    });
    expect(errors.entityTooLarge().body()).toEqual({
      statusCode: '413',
      code: 'EntityTooLarge',
      error: 'Payload too large',
      message: 'The object exceeded the maximum allowed size',
    });
    expect(errors.keyAlreadyExists().body()).toMatchObject({
      statusCode: '409',
      error: 'Duplicate',
      message: 'The resource already exists',
    });
  });

  it('keeps 5xx statuses on the wire', () => {
    expect(errors.internal().httpStatus).toBe(500);
  });

  it('maps RLS refusals and duplicates from Postgres', () => {
    const rls = fromPgError(
      pgError('42501', 'new row violates row-level security policy for table "objects"'),
    );
    expect(rls?.body()).toEqual({
      statusCode: '403',
      code: 'AccessDenied',
      error: 'Unauthorized',
      message: 'new row violates row-level security policy',
    });
    expect(fromPgError(pgError('23505', 'duplicate key'))?.body()).toMatchObject({
      statusCode: '409',
      error: 'Duplicate',
    });
    expect(fromPgError(pgError('42P01', 'no such table'))).toBeUndefined();
    expect(fromPgError(new Error('plain'))).toBeUndefined();
  });

  it('turns anything else into a 500 InternalError', () => {
    expect(toStorageError(new Error('boom')).body()).toMatchObject({
      statusCode: '500',
      code: 'InternalError',
      message: 'boom',
    });
  });
});
