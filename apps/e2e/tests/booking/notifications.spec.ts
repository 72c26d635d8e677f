// The booking app (patients): the notification bell and the notification settings.
import { test } from '@playwright/test';
import {
  registerNotificationJourneys,
  registerNotificationSettingsJourneys,
} from '../../support/notification-journeys.ts';

test.describe('booking app notifications', () => {
  registerNotificationJourneys({ role: 'patient' });
  registerNotificationSettingsJourneys({ role: 'patient' });
});
