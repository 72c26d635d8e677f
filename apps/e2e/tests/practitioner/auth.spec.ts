// The practitioner app (CMS): sign-up as a practitioner, sign-in, sign-out, profile, language.
import { test } from '@playwright/test';
import { registerAuthJourneys } from '../../support/auth-journeys.ts';

test.describe('practitioner app', () => {
  registerAuthJourneys({
    role: 'practitioner',
    roleLabel: 'Praticien',
    homeHeading: {
      fr: 'Votre activité, organisée au même endroit',
      en: 'Your practice, organised in one place',
    },
    // A practitioner without a submitted profile is taken to the profile wizard first.
    landing: /\/onboarding$/,
  });
});
