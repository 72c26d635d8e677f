// Values no other test (or earlier run) uses, so every file can run beside the others.
import { randomInt, randomUUID } from 'node:crypto';

/** The domain every kit address is on: reserved for tests, never a real mailbox. */
export const TEST_EMAIL_DOMAIN = 'tests.carebook.test';

/** A fresh address, `tag-<uuid>@tests.carebook.test` unless another domain is given. */
export const uniqueEmail = (tag: string, domain = TEST_EMAIL_DOMAIN): string =>
  `${tag}-${randomUUID()}@${domain}`;

/** A slug no other test uses (practitioners and content pages need unique ones). */
export const uniqueSlug = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 13)}`;

/** Lower-case letters only, for codes whose check allows no digits (professions). */
export const uniqueLetters = (length = 12): string =>
  Array.from({ length }, () => String.fromCharCode(97 + randomInt(26))).join('');
