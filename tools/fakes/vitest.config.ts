// The fakes start their own servers on free ports, so their specs need no running stack.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], exclude: ['src/**/*.int.spec.ts'] },
});
