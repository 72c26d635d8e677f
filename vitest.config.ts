// Unit tests of every project in one run (what `npm test` counts); each project keeps its own
// vitest.config.ts so `nx run-many -t test` runs them one project at a time too.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['libs/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tools/*/vitest.config.ts'],
  },
});
