// Integration tests (*.int.spec.ts) anywhere in the repo, run against a stack that is already up
// (`npm test` starts the test-profile stack first; see tools/local-stack/src/test-all.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'integration',
    include: ['{apps,libs,tools,supabase}/**/*.int.spec.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
