// vue-i18n's built-in plural choice is English's; French says "0 notification" and "1,5 heure".
// These rules pick the form from Intl.PluralRules, per locale. A message has two forms
// ("one | other") or three ("none | one | other", the first for exactly 0).
import type { Locale } from '@carebook/domain';

type PluralRule = (choice: number, choicesLength: number) => number;

function ruleFor(locale: Locale): PluralRule {
  const rules = new Intl.PluralRules(locale);
  return (choice, choicesLength) => {
    const n = Math.abs(choice);
    const one = rules.select(n) === 'one';
    if (choicesLength >= 3) return n === 0 ? 0 : one ? 1 : 2;
    return one ? 0 : 1;
  };
}

export const pluralRules: Record<Locale, PluralRule> = { fr: ruleFor('fr'), en: ruleFor('en') };
