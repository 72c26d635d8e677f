// Where the suite finds the apps, the API and the inbox. The defaults are the local stack's
// "test" profile (`node tools/local-stack/src/cli.ts start --profile test`), which serves both
// apps on 9001 and 9101.
import { loadConfig } from '@carebook/local-stack';

const stack = loadConfig('test');

export const e2eEnv = {
  bookingUrl: process.env.E2E_BOOKING_URL ?? `http://${stack.host}:${stack.ports.booking}`,
  practitionerUrl: process.env.E2E_PRACTITIONER_URL ?? `http://${stack.host}:${stack.ports.practitioner}`,
  apiUrl: process.env.E2E_API_URL ?? stack.apiUrl,
  inboxUrl: process.env.E2E_INBOX_URL ?? stack.inboxUrl,
};
