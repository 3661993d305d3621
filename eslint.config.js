// One lint config for the repo. The restricted-import blocks enforce the layering in
// ARCHITECTURE.md: workflow code stays deterministic, the builder sees only the journey language.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import noImportCycle from './scripts/lint/no-import-cycle.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', '.data/**', '.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX, touchpoint: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: '*/tsconfig.json', noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      // import-x/no-cycle does not follow `import type`; this one does, so type-only circles fail too.
      'touchpoint/no-import-cycle': 'error',
    },
  },
  {
    files: ['**/*.js', 'vitest.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Workflow code is replayed: no I/O, no Node built-ins, nothing but the journey language.
    files: ['engine/src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [
            {
              group: ['@touchpoint/db', '@touchpoint/db/*'],
              message: 'Workflows must not touch the database.',
            },
            {
              group: ['@touchpoint/channels', '@touchpoint/channels/*'],
              message: 'Workflows must not send.',
            },
            { group: ['**/api/**', '**/worker/**'], message: 'Workflows import the journey language only.' },
          ],
        },
      ],
    },
  },
  {
    // The worker and the API never load the sandboxes (smtp-server, mailparser): only the demo starts them.
    files: ['activities/src/**/*.ts', 'engine/src/**/*.ts'],
    ignores: ['engine/src/workflows/**', 'engine/src/main/start-all.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@touchpoint/channels/sandbox$',
              message:
                'Sandboxes are for tests and the demo; the API may read their shapes from /sandbox/types.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain knows no HTTP and no Temporal: routes and activities are the doors over it.
    files: ['engine/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@touchpoint/engine',
                '@touchpoint/engine/*',
                '@touchpoint/activities',
                '@touchpoint/activities/*',
              ],
              message: 'The domain stands below the API and the activities.',
            },
            {
              group: ['@temporalio/*', 'fastify', 'fastify-*', '@fastify/*'],
              message: 'The domain knows no Temporal and no HTTP.',
            },
            { regex: '^@touchpoint/channels/sandbox', message: 'Sandboxes are for tests and the demo.' },
          ],
        },
      ],
    },
  },
  {
    // The journey language is the floor every package stands on: zod and nothing else, so anything may import it.
    files: ['engine/language/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins,
          patterns: [{ group: ['@touchpoint/*'], message: 'The journey language imports nothing of ours.' }],
        },
      ],
    },
  },
  {
    // The builder speaks to the server over HTTP only; it shares the journey language, nothing else.
    files: ['builder/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((name) => name !== 'node:test'),
          patterns: [
            {
              group: [
                '@touchpoint/*',
                '!@touchpoint/language',
                '@touchpoint/language/*',
                '!@touchpoint/language/api-contract',
              ],
              message:
                'The builder may import only the journey language and its API contract (@touchpoint/language).',
            },
            { group: ['@temporalio/*'], message: 'The canvas never talks to Temporal.' },
          ],
        },
      ],
    },
  },
  {
    files: ['builder/src/**/*.test.{ts,tsx}', 'builder/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
