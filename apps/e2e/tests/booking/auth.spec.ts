// The booking app (patients): sign-up, sign-in, sign-out, profile, language.
import { test } from '@playwright/test';
import { registerAuthJourneys } from '../../support/auth-journeys.ts';

test.describe('booking app', () => {
  registerAuthJourneys({
    role: 'patient',
    roleLabel: 'Patient',
    homeHeading: {
      fr: 'Consultez un praticien vérifié, au moment qui vous convient',
      en: 'See a verified practitioner, at a time that suits you',
    },
  });
});
