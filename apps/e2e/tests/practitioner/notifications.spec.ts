// The practitioner app: the notification bell and the notification settings.
import { test } from '@playwright/test';
import {
  registerNotificationJourneys,
  registerNotificationSettingsJourneys,
} from '../../support/notification-journeys.ts';

test.describe('practitioner app notifications', () => {
  registerNotificationJourneys({ role: 'practitioner' });
  registerNotificationSettingsJourneys({ role: 'practitioner' });
});
