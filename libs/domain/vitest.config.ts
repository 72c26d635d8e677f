// Unit specs only: the domain is pure, so nothing here needs the local stack.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], exclude: ['src/**/*.int.spec.ts'] },
});
