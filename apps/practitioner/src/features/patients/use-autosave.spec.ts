import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { Result } from '@carebook/data';
import { useAutosave } from './use-autosave.ts';

type Answer = Result<{ updatedAt: string }>;
const saved = (at: string): Answer => ({ ok: true, data: { updatedAt: at } });

function setup(save: (text: string) => Promise<Answer>) {
  const scope = effectScope();
  const autosave = scope.run(() => useAutosave(save, { delayMs: 500 }))!;
  autosave.reset('', null);
  return autosave;
}

describe('useAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, after the quiet time, the last text typed', async () => {
    const save = vi.fn(async () => saved('2027-01-04T09:00:00.000Z'));
    const a = setup(save);
    a.schedule('B');
    a.schedule('Bo');
    a.schedule('Bon');
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Bon');
    expect(a.state.value).toBe('saved');
    expect(a.savedAt.value).toBe('2027-01-04T09:00:00.000Z');
  });

  it('saves an edit made during a save right after it, in order', async () => {
    const calls: string[] = [];
    let release: () => void = () => {};
    const save = vi.fn(
      (text: string) =>
        new Promise<Answer>((resolve) => {
          calls.push(text);
          release = () => resolve(saved(`t-${text}`));
        }),
    );
    const a = setup(save);
    a.schedule('one');
    const first = a.flush();
    expect(a.state.value).toBe('saving');
    a.schedule('one two');
    const second = a.flush();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await Promise.all([first, second]);
    expect(calls).toEqual(['one', 'one two']);
    expect(a.state.value).toBe('saved');
    expect(a.savedAt.value).toBe('t-one two');
  });

  it('reports a failure with its code, keeps the text, and saves it on retry', async () => {
    const save = vi
      .fn<(text: string) => Promise<Answer>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'network', message: 'offline' } })
      .mockResolvedValueOnce(saved('2027-01-04T09:01:00.000Z'));
    const a = setup(save);
    a.schedule('Suivi à 3 semaines');
    await a.flush();
    expect(a.state.value).toBe('failed');
    expect(a.error.value?.code).toBe('network');
    await a.retry();
    expect(save).toHaveBeenLastCalledWith('Suivi à 3 semaines');
    expect(a.state.value).toBe('saved');
    expect(a.error.value).toBeNull();
  });

  it('does not save a text equal to the one loaded', async () => {
    const save = vi.fn(async () => saved('x'));
    const a = setup(save);
    a.reset('Déjà là', '2027-01-01T00:00:00.000Z');
    a.schedule('Déjà là');
    await vi.advanceTimersByTimeAsync(600);
    expect(save).not.toHaveBeenCalled();
    expect(a.state.value).toBe('idle');
  });
});
