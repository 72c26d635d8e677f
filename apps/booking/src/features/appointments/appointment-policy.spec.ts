import { describe, expect, it } from 'vitest';
import { changeDeadline, changeState, videoState } from './appointment-policy.ts';

const at = (iso: string) => Date.parse(iso);
const base = {
  status: 'confirmed' as const,
  startsAt: '2027-01-05T09:00:00Z',
  endsAt: '2027-01-05T09:45:00Z',
  cancelCutoffHours: 24,
};

describe('what a patient may do, shown before trying', () => {
  it('allows cancelling or moving until the cut-off, not after', () => {
    expect(new Date(changeDeadline(base)).toISOString()).toBe('2027-01-04T09:00:00.000Z');
    expect(changeState(base, at('2027-01-04T08:59:59Z'))).toBe('open');
    expect(changeState(base, at('2027-01-04T09:00:00Z'))).toBe('passed');
    expect(changeState({ ...base, cancelCutoffHours: 0 }, at('2027-01-05T08:59:00Z'))).toBe('open');
  });

  it('offers nothing on cancelled or finished appointments', () => {
    expect(changeState({ ...base, status: 'cancelled' }, at('2027-01-01T00:00:00Z'))).toBe('closed');
    expect(changeState(base, at('2027-01-05T09:45:00Z'))).toBe('closed');
    expect(changeState({ ...base, status: 'held' }, at('2027-01-01T00:00:00Z'))).toBe('open');
  });

  it('opens the video call 10 minutes before the start, until the end', () => {
    expect(videoState(base, at('2027-01-05T08:49:59Z'))).toBe('early');
    expect(videoState(base, at('2027-01-05T08:50:00Z'))).toBe('open');
    expect(videoState(base, at('2027-01-05T09:44:00Z'))).toBe('open');
    expect(videoState(base, at('2027-01-05T09:45:00Z'))).toBe('over');
    expect(videoState({ ...base, status: 'held' }, at('2027-01-05T09:00:00Z'))).toBe('none');
  });
});
