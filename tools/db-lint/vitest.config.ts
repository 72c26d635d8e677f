// Unit specs only: db-lint.int.spec.ts builds scratch databases and runs in the integration step.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'db-lint',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts', '**/node_modules/**'],
  },
});
