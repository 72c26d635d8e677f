// Notifications rendered for each channel: e-mail (HTML + text) and SMS, in French and English.
export type { Audience, MessageContext } from './context.ts';
export { formatAmount, formatShortWhen, formatWhen, messageAudience, zoneOf } from './context.ts';
export { EMAIL_TOPICS, renderEmail, type RenderedEmail } from './email.ts';
export { SMS_TOPICS, renderSms, type RenderedSms } from './sms.ts';
export { gsm7Septets, isGsm7, smsSize, type SmsEncoding, type SmsSize } from './gsm7.ts';
