// Stripe's error body: `{ error: { type, code?, message, param?, doc_url? } }` with its HTTP status.
// The SDK turns `type` into its error classes (StripeInvalidRequestError, StripeCardError...).

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export class StripeApiError extends Error {
  readonly status: number;
  readonly type: StripeErrorType;
  readonly code?: string;
  readonly param?: string;
  /** Validation errors are not stored under an Idempotency-Key (Stripe retries them afresh). */
  readonly validation: boolean;
  declineCode?: string;

  constructor(
    status: number,
    type: StripeErrorType,
    message: string,
    code?: string,
    param?: string,
    validation = false,
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.validation = validation;
  }

  toBody(): { error: Record<string, string> } {
    const error: Record<string, string> = { type: this.type, message: this.message };
    if (this.code) {
      error.code = this.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}`;
    }
    if (this.param) error.param = this.param;
    if (this.declineCode) error.decline_code = this.declineCode;
    return { error };
  }
}

const OBJECT_NAMES: Record<string, string> = {
  cus: 'customer',
  prod: 'product',
  price: 'price',
  cs: 'checkout.session',
  bps: 'billing_portal.session',
  sub: 'subscription',
  in: 'invoice',
  pi: 'payment_intent',
  ch: 'charge',
  re: 'refund',
  evt: 'event',
  clock: 'test_helpers.test_clock',
  pm: 'payment_method',
};

export function noSuch(kind: string, id: string, param = 'id'): StripeApiError {
  const name = OBJECT_NAMES[kind] ?? kind;
  return new StripeApiError(
    404,
    'invalid_request_error',
    `No such ${name}: '${id}'`,
    'resource_missing',
    param,
  );
}

/** A reference inside parameters that names nothing: Stripe answers 400, not 404. */
export function noSuchParam(kind: string, id: string, param: string): StripeApiError {
  const name = OBJECT_NAMES[kind] ?? kind;
  return new StripeApiError(
    400,
    'invalid_request_error',
    `No such ${name}: '${id}'`,
    'resource_missing',
    param,
    true,
  );
}

export function badParam(param: string, message: string, code = 'parameter_invalid'): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, code, param, true);
}

export function missingParam(param: string): StripeApiError {
  return new StripeApiError(
    400,
    'invalid_request_error',
    `Missing required param: ${param}.`,
    'parameter_missing',
    param,
    true,
  );
}

export function invalidState(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, code, param);
}
