import { describe, expect, it } from 'vitest';
import { onItsWay } from './on-its-way.ts';

function later() {
  let settle: (ok: boolean) => void = () => undefined;
  const promise = new Promise<void>(
    (resolve, reject) => (settle = (ok) => (ok ? resolve() : reject(new Error('no')))),
  );
  return { promise, settle };
}

describe('onItsWay', () => {
  it('lands at once with nothing on its way', async () => {
    await expect(onItsWay().landed()).resolves.toBeUndefined();
  });

  it('waits for the choice on its way, and for one made while waiting', async () => {
    const way = onItsWay();
    const first = later();
    const second = later();
    way.track(first.promise);
    let done = false;
    const waiting = way.landed().then(() => (done = true));
    way.track(second.promise);
    first.settle(true);
    await first.promise;
    await Promise.resolve();
    expect(done).toBe(false);
    second.settle(true);
    await waiting;
    expect(done).toBe(true);
  });

  it('lands too when the choice failed', async () => {
    const way = onItsWay();
    const failing = later();
    void way.track(failing.promise).catch(() => undefined);
    const waiting = way.landed();
    failing.settle(false);
    await expect(waiting).resolves.toBeUndefined();
  });
});
