// English texts of the "Notifications" section of the account page; same keys as French.
import type { notificationSettingsFr } from './notification-settings-fr.ts';

export const notificationSettingsEn: typeof notificationSettingsFr = {
  title: 'Notifications',
  subtitle: 'Choose how Carebook lets you know. Each choice is saved at once.',
  loadError: 'Your notification preferences could not be loaded.',
  phone: {
    label: 'Mobile phone number',
    hint: 'In international format, for example +44 7700 900123. Leave empty to get no SMS.',
    save: 'Save number',
    saved: 'Number saved.',
    removed: 'Number removed: you will get no more SMS.',
    issues: {
      international: 'Start with + and the country code, for example +44 7700 900123.',
      invalid: 'This number is not valid: + then the country code and the number, 7 to 15 digits in all.',
    },
  },
  timeZone: {
    label: 'Time zone',
    hint: 'The times in your messages are written in this zone.',
    saved: 'Time zone saved.',
  },
  grid: {
    caption: 'Get messages, by subject and by channel',
    category: 'Subject',
    categories: {
      booking: 'Bookings',
      reminders: 'Reminders',
      account: 'Account',
    },
    categoryHints: {
      booking: 'Confirmations, changes, cancellations, payments.',
      reminders: 'The day before and one hour before each appointment.',
      account: 'Profile verification, subscription, connected calendar.',
    },
    channels: {
      email: 'E-mail',
      sms: 'SMS',
      in_app: 'In the app',
    },
    toggle: '{category} by {channel}',
    required: 'Needed for your bookings: always on.',
    smsNeedsPhone: 'Add a phone number to get SMS.',
    saveError: 'This choice was not saved.',
  },
};
