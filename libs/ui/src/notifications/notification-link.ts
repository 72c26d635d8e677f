// Where a notification leads in the app that shows it (each topic reaches one side: offers and
// staff alerts in the practitioner app, the patient's news in the booking app). Data may lack a
// field (an older row): no page then, the item stays plain text.
import type { NotificationLike } from './describe-notification.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// private.home_care_offer_token: <offer id>.<32 hex digits of HMAC>.
const OFFER_TOKEN = /^[0-9a-f-]{36}\.[0-9a-f]{32}$/i;

const field = (data: NotificationLike['data'], key: string, shape: RegExp): string | null => {
  const value = data[key];
  return typeof value === 'string' && shape.test(value) ? value : null;
};

/** The app path a notification opens, or null when it has no page of its own. */
export function notificationLink(notification: Pick<NotificationLike, 'topic' | 'data'>): string | null {
  const { topic, data } = notification;
  switch (topic) {
    case 'homecare.offer': {
      const token = field(data, 'offer_token', OFFER_TOKEN);
      return token ? `/home-care/offers/${token}` : null;
    }
    case 'homecare.accepted': {
      const id = field(data, 'request_id', UUID);
      return id ? `/home-care/${id}` : null;
    }
    case 'homecare.escalated':
    case 'homecare.stuck':
      return '/staff/home-care';
    default:
      return null;
  }
}
