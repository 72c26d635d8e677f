// Unit specs of the kit's pure parts (parsers, registration numbers); the builders themselves are
// exercised by every integration suite that uses them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'testing', include: ['src/**/*.spec.ts'], exclude: ['src/**/*.int.spec.ts'] },
});
