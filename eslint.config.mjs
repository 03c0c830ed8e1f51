// Lint: the Office add-in rules (eslint-plugin-office-addins, with prettier) plus the architecture's
// import arrows: only src/excel touches Excel, only src/word touches Word, and the pure core imports
// no host and no adapter.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

const officeGlobals = ['Excel', 'Word', 'Office', 'OfficeExtension'];
const noOffice = officeGlobals.map((name) => ({
  name,
  message: `${name} is only used in its adapter folder (src/excel, src/word, src/taskpane/index.tsx).`,
}));

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...officeAddins.configs.react,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      'react/react-in-jsx-scope': 'off',
    },
  },
  {
    files: [
      'src/format/**',
      'src/report/**',
      'src/rules/**',
      'src/layout/**',
      'src/outline/**',
      'src/i18n/**',
      'src/cli/**',
      'src/xlsx/**',
      'src/bench/**',
    ],
    rules: {
      'no-restricted-globals': ['error', ...noOffice],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/excel/**', '**/word/**', '**/taskpane/**'],
              message: 'The core never imports a host adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/format/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'src/format imports nothing.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
