// Unit specs only: statistics, the load loop against a local server, report formatting.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts', '**/node_modules/**'],
  },
});
