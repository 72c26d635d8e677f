import { describe, expect, it } from 'vitest';
import { notificationLink } from './notification-link.ts';

const requestId = '0b6f2a5e-3c1d-4e8f-9a7b-1c2d3e4f5a6b';
const token = `${requestId}.${'ab12'.repeat(8)}`;

describe('notificationLink', () => {
  it('opens the offer page from its signed token', () => {
    expect(notificationLink({ topic: 'homecare.offer', data: { offer_token: token } })).toBe(
      `/home-care/offers/${token}`,
    );
  });

  it("opens the patient's request page", () => {
    expect(notificationLink({ topic: 'homecare.accepted', data: { request_id: requestId } })).toBe(
      `/home-care/${requestId}`,
    );
  });

  it('sends staff alerts to the staff home-care board', () => {
    expect(notificationLink({ topic: 'homecare.escalated', data: { request_id: requestId } })).toBe(
      '/staff/home-care',
    );
    expect(notificationLink({ topic: 'homecare.stuck', data: {} })).toBe('/staff/home-care');
  });

  it('gives no page when the data lacks or garbles the field, or the topic has none', () => {
    expect(notificationLink({ topic: 'homecare.offer', data: {} })).toBeNull();
    expect(notificationLink({ topic: 'homecare.offer', data: { offer_token: '../../x' } })).toBeNull();
    expect(notificationLink({ topic: 'homecare.accepted', data: { request_id: 42 } })).toBeNull();
    expect(notificationLink({ topic: 'appointment.confirmed', data: { request_id: requestId } })).toBeNull();
  });
});
