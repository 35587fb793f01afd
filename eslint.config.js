// Lint rules, including the one-way import flow between folders:
// domain ← data ← map ← ui, i18n used by ui; only src/data touches a database client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const dbClients = ['@supabase/*', '@electric-sql/*', 'pg'];
const restrict = (groups, message, regex) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: groups, message }, ...(regex ? [{ regex, message }] : [])] },
  ],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs['recommended-latest'].rules },
  },
  {
    files: ['src/domain/**'],
    rules: restrict(
      [
        'react',
        'react-dom',
        'maplibre-gl',
        '@deck.gl/*',
        ...dbClients,
        '**/data/**',
        '**/map/**',
        '**/ui/**',
        '**/i18n/**',
      ],
      'src/domain is pure TypeScript: no React, map, database or UI imports.',
    ),
  },
  {
    files: ['src/data/**'],
    rules: restrict(
      ['maplibre-gl', '@deck.gl/*', '**/map/**', '**/ui/**'],
      'src/data must not depend on map or UI code.',
    ),
  },
  {
    files: ['src/map/**'],
    rules: restrict(
      [...dbClients, '**/ui/**'],
      'src/map layers are pure factories: no database or UI imports.',
      '(^|/)data/(?!geo/)',
    ),
  },
  {
    files: ['src/ui/**', 'src/i18n/**'],
    rules: restrict(dbClients, 'Components reach the database only through src/data hooks.'),
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
