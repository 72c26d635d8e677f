// Unit specs only; the data layer's behaviour against a real stack is covered by apps/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], exclude: ['src/**/*.int.spec.ts'] },
});
