import { describe, expect, it } from 'vitest';
import { renderAuthEmail } from './email-templates.ts';

const link =
  'http://127.0.0.1:54321/auth/v1/verify?token=abc&type=signup&redirect_to=http%3A%2F%2F127.0.0.1%3A9000';

describe('renderAuthEmail', () => {
  it('puts the verify link and the code in both the HTML and the text part', () => {
    const mail = renderAuthEmail('signup', { link, code: '042517', email: 'ana@example.com' });
    expect(mail.subject).toBe('Confirm your signup');
    expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(mail.html).toContain('042517');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('042517');
  });

  it('names both addresses in e-mail change mails and escapes them in HTML', () => {
    const mail = renderAuthEmail('email_change_current', {
      link,
      code: '1',
      email: 'a<b@example.com',
      newEmail: 'new@example.com',
    });
    expect(mail.html).toContain('a&lt;b@example.com');
    expect(mail.html).not.toContain('a<b@example.com');
    expect(mail.text).toContain('new@example.com');
  });
});
