// Storage's error JSON. Hosted Storage answers almost every error with HTTP 400 and puts the
// "real" status in the body's statusCode string (only 5xx keep their status); supabase-js reads
// the body, so clients see e.g. statusCode "404" with code "NoSuchKey".

export interface ErrorBody {
  statusCode: string;
  code: string;
  error: string;
  message: string;
}

export class StorageError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly error: string;

  constructor(statusCode: number, code: string, message: string, error = code) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.error = error;
  }

  /** Status on the wire: 400 for every client error, as hosted Storage does. */
  get httpStatus(): number {
    return this.statusCode >= 500 ? this.statusCode : 400;
  }

  body(): ErrorBody {
    return { statusCode: String(this.statusCode), code: this.code, error: this.error, message: this.message };
  }
}

export const errors = {
  noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  accessDenied: (message = 'Access denied') => new StorageError(403, 'AccessDenied', message, 'Unauthorized'),
  rlsDenied: () => errors.accessDenied('new row violates row-level security policy'),
  keyAlreadyExists: () =>
    new StorageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketAlreadyExists: () =>
    new StorageError(409, 'BucketAlreadyExists', 'The resource already exists', 'Duplicate'),
  resourceAlreadyExists: () =>
    new StorageError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketNotEmpty: () =>
    new StorageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  entityTooLarge: () =>
    new StorageError(
      413,
      'EntityTooLarge',
      'The object exceeded the maximum allowed size',
      'Payload too large',
    ),
  invalidMimeType: (mime: string) =>
    new StorageError(415, 'InvalidMimeType', `mime type ${mime} is not supported`, 'invalid_mime_type'),
  invalidKey: (key: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () => new StorageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  invalidJwt: (message = 'Invalid JWT') => new StorageError(400, 'InvalidJWT', message),
  invalidSignature: (message = 'Invalid signature') => new StorageError(400, 'InvalidSignature', message),
  invalidParameter: (name: string, message?: string) =>
    new StorageError(400, 'InvalidParameter', message ?? `Invalid Parameter ${name}`),
  missingParameter: (name: string) =>
    new StorageError(400, 'MissingParameter', `Missing Required Parameter ${name}`),
  invalidRequest: (message: string) => new StorageError(400, 'InvalidRequest', message),
  invalidFileSizeLimit: () =>
    new StorageError(400, 'InvalidRequest', 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  invalidRange: () => new StorageError(400, 'InvalidRange', 'invalid range provided', 'invalid_range'),
  noContent: () => new StorageError(400, 'InvalidRequest', 'No content provided'),
  internal: (message = 'Internal server error') => new StorageError(500, 'InternalError', message),
};

interface PgErrorLike {
  code?: string;
  message?: string;
}

function isPgError(err: unknown): err is PgErrorLike & Error {
  return (
    err instanceof Error &&
    typeof (err as PgErrorLike).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((err as PgErrorLike).code!)
  );
}

/** Maps the Postgres errors a caller can cause to Storage's answers (RLS, duplicates). */
export function fromPgError(err: unknown): StorageError | undefined {
  if (!isPgError(err)) return undefined;
  switch (err.code) {
    case '42501':
      return err.message?.includes('row-level security')
        ? errors.rlsDenied()
        : errors.accessDenied(err.message);
    case '23505':
      return errors.resourceAlreadyExists();
    case '22P02':
      return errors.invalidParameter('value', err.message);
    // A NUL byte (or another character text cannot hold) that slipped past the checks: the
    // caller's input, so a 400 rather than a 500.
    case '22021':
    case '22P05':
      return errors.invalidParameter('value', err.message);
    default:
      return undefined;
  }
}

/** Any thrown value as a StorageError; unknown failures become a 500 InternalError. */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  return fromPgError(err) ?? errors.internal(err instanceof Error ? err.message : String(err));
}
