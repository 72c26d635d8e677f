// Unit specs only: the generators are pure, so they need no running stack.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'seed',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts', '**/node_modules/**'],
  },
});
