import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'local-stack',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts', '**/node_modules/**'],
  },
});
