import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { sharedPasswordHash } from './password.ts';
import { Random } from './random.ts';

describe('sharedPasswordHash', () => {
  it('is a $2a$ cost-10 hash that verifies the password', () => {
    const hash = sharedPasswordHash('carebook-demo', new Random('pw'));
    expect(hash).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.compareSync('carebook-demo', hash)).toBe(true);
    expect(bcrypt.compareSync('carebook-dem0', hash)).toBe(false);
  });

  it('is reproducible from the seed', () => {
    expect(sharedPasswordHash('x', new Random('a'))).toBe(sharedPasswordHash('x', new Random('a')));
    expect(sharedPasswordHash('x', new Random('a'))).not.toBe(sharedPasswordHash('x', new Random('b')));
  });
});
