// English texts of the notification bell and list; same keys as notifications-fr.ts.
import type { notificationsFr } from './notifications-fr.ts';

export const notificationsEn: typeof notificationsFr = {
  title: 'Notifications',
  unreadCount: 'No unread notifications | {count} unread notification | {count} unread notifications',
  markAllRead: 'Mark all as read',
  unread: 'Unread:',
  empty: 'No notifications yet',
  emptyHint: 'Your confirmations, reminders and account messages will show here.',
  loadError: 'Your notifications could not be loaded.',
  markError: 'Could not mark as read.',
  close: 'Close notifications',
  received: 'Received {when}',
  parts: {
    appointment: 'appointment',
    appointmentNamed: '“{name}” appointment',
    on: 'on {when}',
    onUnknown: 'at the planned time',
    practitioner: 'your practitioner',
    patient: 'a patient',
    reason: 'Reason: {reason}',
    amount: 'Amount: {amount}',
  },
  topics: {
    appointment: {
      held: {
        patient: 'Your {appointment} with {practitioner} {on} is held for you until payment.',
        practitioner: 'An {appointment} with {patient} {on} is held until payment.',
      },
      confirmed: {
        patient: 'Your {appointment} with {practitioner} {on} is confirmed.',
        practitioner: 'New {appointment} with {patient} {on}.',
      },
      rescheduled: {
        patient: 'Your {appointment} with {practitioner} now takes place {on}.',
        practitioner: 'The {appointment} with {patient} now takes place {on}.',
      },
      cancelled: {
        patient: 'Your {appointment} with {practitioner} {on} is cancelled.',
        practitioner: 'The {appointment} with {patient} {on} is cancelled; the time is free again.',
      },
      hold_expired: {
        patient:
          'Payment was not completed in time: your {appointment} with {practitioner} {on} is no longer held.',
        practitioner: 'The {appointment} with {patient} {on} was not paid in time; the time is free again.',
      },
      reminder: {
        patient: 'Reminder: your {appointment} with {practitioner} is {on}.',
        practitioner: 'Reminder: your {appointment} with {patient} is {on}.',
      },
      changed_in_google: {
        practitioner: 'The {appointment} with {patient} {on} was moved or deleted in Google Calendar. Nothing changed in Carebook: check it in your calendar.',
      },
    },
    payment: {
      failed: {
        any: 'The payment for your {appointment} with {practitioner} {on} failed. Try again to keep the time.',
      },
      refunded: { any: 'Your {appointment} with {practitioner} {on} was refunded.' },
    },
    subscription: {
      payment_failed: { any: 'Your subscription payment failed. Update your payment method.' },
    },
    practitioner: {
      verification: {
        submitted: { any: 'Your profile was sent for verification. We will answer soon.' },
        verified: { any: 'Your profile is verified: it can now be published.' },
        rejected: { any: 'Your profile was not approved. Correct it, then send it again.' },
        suspended: { any: 'Your profile is suspended: it no longer shows in search.' },
      },
    },
    account: {
      welcome: { any: 'Welcome to Carebook!' },
    },
    homecare: {
      offer: {
        any: 'A home-care request near you is waiting for a practitioner: open it to see it and accept.',
      },
      accepted: { any: '{practitioner} accepted your home-care request: your visits are planned.' },
      escalated: { any: 'A home-care request has waited past its urgency limit: assign it by hand.' },
      stuck: { any: 'A home-care request looks stuck: check it on the home-care board.' },
    },
    calendar: {
      connection_broken: {
        any: 'Carebook lost access to your Google Calendar. Connect it again to keep your availability up to date.',
      },
    },
  },
  other: 'You have a new notification.',
};
