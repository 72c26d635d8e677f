// Unit specs of the app's own code; screens are covered by apps/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], exclude: ['src/**/*.int.spec.ts'] },
});
