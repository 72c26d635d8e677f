// One flat config for the whole workspace. Module boundaries are errors, never warnings:
// apps -> ui -> data -> domain, tools and functions apart, nothing imports an app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.local/**',
      '**/.nx/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'libs/domain/src/database.types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    // vue-tsc checks names in components; no-undef knows nothing of the DOM's globals there.
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.{ts,vue,js,mjs}'],
    plugins: { '@nx': nx },
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:ui', 'type:data', 'type:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:tool', 'type:domain', 'type:data'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:tool', 'type:domain', 'type:data'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:data', 'type:domain'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool', 'type:domain', 'type:data'] },
            { sourceTag: 'type:functions', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'scope:booking', notDependOnLibsWithTags: ['scope:practitioner'] },
            { sourceTag: 'scope:practitioner', notDependOnLibsWithTags: ['scope:booking'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // The domain library runs in the browser, Node and Deno: no I/O, no framework.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@supabase/*', 'vue', 'quasar', 'pinia', 'stripe', 'googleapis', '@getbrevo/*', 'node:*', 'pg'], message: 'libs/domain stays pure: no I/O or framework imports.' },
          ],
        },
      ],
    },
  },
  prettier,
);
