import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Pages and components talk to the server only through the hooks of src/api/<domain>.ts,
    // whose mutations refresh what they change.
    files: ['apps/web/src/pages/**', 'apps/web/src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/client.ts'],
              importNames: ['api', 'request', 'uploadRaw', 'downloadFile', 'downloadXlsx'],
              message: 'Call the server through a hook or function of src/api/<domain>.ts.',
            },
          ],
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: ['useQuery', 'useMutation', 'useQueryClient', 'useInfiniteQuery', 'useSuspenseQuery'],
              message: 'Queries and their invalidation live in src/api/<domain>.ts.',
            },
          ],
        },
      ],
    },
  },
);
