// Wording of the e-mails the auth server sends. Each carries the verify link and the numeric
// code, so both `verifyOtp({email, token})` and a click on the link work.

export type EmailKind =
  'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change_new' | 'email_change_current';

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

export interface EmailValues {
  link: string;
  code: string;
  /** The address the account has now. */
  email: string;
  /** The address being switched to, for e-mail changes. */
  newEmail?: string;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const WORDING: Record<EmailKind, (v: EmailValues) => { subject: string; intro: string; action: string }> = {
  signup: () => ({
    subject: 'Confirm your signup',
    intro: 'Welcome to Carebook. Confirm your e-mail address to finish creating your account.',
    action: 'Confirm my e-mail address',
  }),
  invite: () => ({
    subject: 'You have been invited to Carebook',
    intro: 'Someone created a Carebook account for you. Accept the invitation to set it up.',
    action: 'Accept the invitation',
  }),
  magiclink: () => ({
    subject: 'Your sign-in link',
    intro: 'Use this link to sign in to Carebook. It works once and expires soon.',
    action: 'Sign in',
  }),
  recovery: () => ({
    subject: 'Reset your password',
    intro:
      'Someone asked to reset the password of your Carebook account. If it was not you, ignore this e-mail.',
    action: 'Choose a new password',
  }),
  email_change_new: (v) => ({
    subject: 'Confirm your new e-mail address',
    intro: `Confirm that ${v.newEmail ?? 'this address'} should become the e-mail address of your Carebook account.`,
    action: 'Confirm the new address',
  }),
  email_change_current: (v) => ({
    subject: 'Confirm the change of your e-mail address',
    intro: `Someone asked to change the e-mail address of your Carebook account from ${v.email} to ${v.newEmail ?? ''}. Confirm only if it was you.`,
    action: 'Confirm the change',
  }),
};

export function renderAuthEmail(kind: EmailKind, values: EmailValues): EmailContent {
  const { subject, intro, action } = WORDING[kind](values);
  const html = [
    `<h2>${escapeHtml(subject)}</h2>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(values.link)}">${escapeHtml(action)}</a></p>`,
    `<p>Or enter this code: <strong>${escapeHtml(values.code)}</strong></p>`,
  ].join('\n');
  const text = `${intro}\n\n${action}: ${values.link}\n\nOr enter this code: ${values.code}\n`;
  return { subject, html, text };
}
