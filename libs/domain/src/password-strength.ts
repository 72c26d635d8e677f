// Whether a new password is one that attackers try first: zxcvbn-ts's estimate over the common
// passwords list, French words and names, keyboard walks (azerty and qwerty), repeats, sequences
// and dates. Pure, but it pulls about 3 MB of dictionaries from npm, so it is neither exported by
// index.ts nor copied for Deno (sync-domain.ts leaves it out): apps load it lazily, the local
// auth server imports it directly.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frenchDictionary } from '@zxcvbn-ts/language-fr';
import type { FieldCheck } from './validation.ts';

export type PasswordStrengthIssue = 'common';

/**
 * zxcvbn scores 0 to 4; 0 and 1 mean found in under a million guesses (a list entry, a word with
 * a digit, a keyboard row), which an online attack spread over many addresses reaches.
 */
export const MIN_PASSWORD_SCORE = 2;

// Built on first use: loading the dictionaries takes about 200 ms.
let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...frenchDictionary },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

/**
 * Checks a new password against guessable ones; `related` are words the person's own details give
 * away (their e-mail, name), which make a password guessable too. Length is checkNewPassword's job.
 */
export function checkPasswordStrength(
  password: string,
  related: readonly string[] = [],
): FieldCheck<PasswordStrengthIssue> {
  // Whole values and their words: "ana.lopez@example.com" gives "ana.lopez", "ana", "lopez"...
  const inputs = related
    .flatMap((text) => {
      const lower = text.toLowerCase();
      return [lower, lower.split('@')[0] ?? '', ...lower.split(/[^\p{L}\p{N}]+/u)];
    })
    .filter((w) => w.length >= 3);
  const { score } = zxcvbn().check(password, inputs);
  return score < MIN_PASSWORD_SCORE ? { ok: false, issue: 'common' } : { ok: true, value: password };
}
