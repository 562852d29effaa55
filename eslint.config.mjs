import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Import boundaries (../shared/DESIGN.md §2), one block per floor. Paths are matched as written,
 * so every source file imports by relative path. A feature folder of the server (templates,
 * progress, monitoring, terpilah, self-check — and any folder added next to them) stands on the
 * ground floor `sheets/`, on core, api.ts and preferences.ts only, never on another feature:
 * what two features share moves down to `sheets/` (or into core, when it is pure).
 */
const only = (files, regex, message, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
});
const boundaries = [
  only(
    ['src/core/**/*.ts'],
    '^(\\.\\./)+(server|workbench|client|cli)(/|$)',
    'core is pure: it never imports server, workbench, client or cli code.',
  ),
  only(
    ['src/server/*/**/*.ts'],
    '^\\.\\./(?!sheets/|api$|preferences$|\\.\\./core/)',
    'A server feature folder imports only ../sheets/, ../../core/, ../api and ../preferences — never another feature or a top-level server file.',
    ['src/server/sheets/**'],
  ),
  only(
    ['src/server/sheets/**/*.ts'],
    '^\\.\\./(?!preferences$|\\.\\./core/)',
    'The ground floor src/server/sheets/ imports only core and ../preferences: features stand on it, not the other way round.',
  ),
  only(
    ['src/server/api.ts'],
    '^\\.\\.?/(?!core/)',
    'api.ts is compiled by the client too: it imports types from core only.',
  ),
  only(
    ['src/client/**/*.ts'],
    '^(\\.\\./)+server/(?!api$)',
    'The sidebar knows the server only through its contract, ../server/api.',
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', '.workbench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules where a mistake is silent: a promise nobody awaits or handles (a sidebar call
  // whose failure is never shown, a test that ends before its assertion).
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  ...boundaries,
);
