// One flat config for the whole workspace. Module boundaries are errors, never warnings:
// app -> shell -> ui -> domain, shell -> data -> domain (decision 0008); tools and functions
// apart; nothing imports an app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';

// What each kind of project may import (Nx tags). `type:test` projects (supabase/tests, a future
// libs/testing) hold fakes and builders: tests may import them, shipped code never does, so they
// are allowed only in the block for test files below.
const SHIPPED = {
  'type:app': ['type:shell', 'type:ui', 'type:data', 'type:domain'],
  'type:shell': ['type:shell', 'type:ui', 'type:data', 'type:domain'],
  'type:ui': ['type:ui', 'type:domain'],
  'type:data': ['type:data', 'type:domain'],
  'type:domain': ['type:domain'],
  'type:e2e': ['type:tool', 'type:domain', 'type:data', 'type:test'],
  'type:test': ['type:tool', 'type:domain', 'type:data', 'type:test'],
  'type:tool': ['type:tool', 'type:domain', 'type:data'],
  'type:functions': ['type:domain'],
};
const TESTS = Object.fromEntries(
  Object.entries(SHIPPED).map(([tag, allowed]) => [tag, [...new Set([...allowed, 'type:test'])]]),
);
const TEST_FILES = ['**/*.spec.ts', '**/src/testing/**/*.ts', '**/vitest.config.ts', '**/vitest.*.config.ts'];

// eslint-plugin-check-file's KEBAB_CASE and PASCAL_CASE globs, to accept either for specs.
const KEBAB = '+([a-z])*([a-z0-9])*(-+([a-z0-9]))';
const PASCAL = '*([A-Z]*([a-z0-9]))';

function boundaries(allowedByTag) {
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      ...Object.entries(allowedByTag).map(([sourceTag, onlyDependOnLibsWithTags]) => ({
        sourceTag,
        onlyDependOnLibsWithTags,
      })),
      // The two apps never import each other.
      { sourceTag: 'scope:booking', notDependOnLibsWithTags: ['scope:practitioner'] },
      { sourceTag: 'scope:practitioner', notDependOnLibsWithTags: ['scope:booking'] },
    ],
  };
}

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
      '@nx/enforce-module-boundaries': ['error', boundaries(SHIPPED)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // A circular import fails lint (cross-project cycles are Nx's check above). Imports resolve as
    // TypeScript does, through tsconfig.base.json's paths, so a cycle through a library's own
    // index is caught too. The resolver reads .vue files with vue-eslint-parser, which hands their
    // <script> to the TypeScript parser named here; .ts files ignore that option.
    files: ['**/*.{ts,vue,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    settings: {
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
      'import-x/parsers': { 'vue-eslint-parser': ['.vue'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.base.json',
          extensions: ['.ts', '.vue', '.js', '.mjs', '.json'],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // One naming rule per kind of file: TypeScript kebab-case (composables `use-x.ts`), Vue
    // components PascalCase, a spec named after what it tests. Folders under src/ kebab-case.
    files: ['**/*.{ts,vue}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        {
          '**/!(*.spec).ts': 'KEBAB_CASE',
          '**/*.spec.ts': `@(${KEBAB}|${PASCAL})`,
          '**/*.vue': 'PASCAL_CASE',
        },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{apps,libs,tools}/*/src/**/': 'KEBAB_CASE', 'supabase/**/': 'KEBAB_CASE' },
        { ignoreWords: ['_shared'] },
      ],
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
  {
    // Specs and spec helpers may use test-only projects (`type:test`); nothing shipped may.
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(TESTS)] },
  },
  {
    // Presentational components: props in, events out. What fetches data or holds the session
    // is the shell's or a feature's (decision 0008).
    files: ['libs/ui/src/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carebook/data', '@carebook/shell', '@supabase/*', 'pinia', 'vue-router', 'node:*'],
              message: 'libs/ui is presentational: it imports @carebook/domain, vue, quasar and vue-i18n only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The apps never import each other. Nx reports a path into the other app, but not its bare
    // package name (`@carebook/practitioner`: the apps export nothing), hence this rule too.
    files: ['apps/booking/**/*.{ts,vue}', 'apps/practitioner/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carebook/booking', '@carebook/booking/*', '@carebook/practitioner', '@carebook/practitioner/*'],
              message: 'The apps never import each other: what both need goes in libs/shell or libs/ui.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
