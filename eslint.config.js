import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The designer's folders (src/ui/*), bottom to top, each with the folders it may import besides its own and src/core.
 * Nothing imports upward, and features do not import each other: what two of them share moves down into `shell/`.
 * ARCHITECTURE.md ("The designer (src/ui/)") says what lives where.
 */
const FEATURE_USES = ['perf', 'derive', 'io', 'edits', 'store', 'commands', 'shell'];
const UI_LAYERS = {
  // Plain TypeScript: no React, no canvas, no editor.
  perf: [],
  derive: [],
  io: [],
  testing: [],
  edits: [],
  store: ['edits'],
  commands: ['edits', 'store', 'io'],
  // React foundations every feature uses: the designer and its context, hooks, icons, theme.
  shell: ['perf', 'derive', 'io', 'edits', 'store', 'commands'],
  // Features.
  canvas: FEATURE_USES,
  inspector: FEATURE_USES,
  panels: FEATURE_USES,
  preview: FEATURE_USES,
  // The page: puts the features together.
  app: [...FEATURE_USES, 'canvas', 'inspector', 'panels', 'preview'],
};
const WITHOUT_REACT = ['perf', 'derive', 'io', 'testing', 'edits', 'store', 'commands'];
const REACT_OR_VIEW = ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*'];

function uiLayerRules() {
  const folders = Object.keys(UI_LAYERS);
  const unplaced = readdirSync(new URL('./src/ui/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory() && !folders.includes(d.name));
  if (unplaced.length) throw new Error(`eslint.config.js: give src/ui/${unplaced[0].name}/ its place in UI_LAYERS`);
  return folders.map((folder) => {
    const uses = UI_LAYERS[folder];
    const forbidden = folders.filter((f) => f !== folder && !uses.includes(f));
    const allowed = uses.length ? uses.map((f) => `${f}/`).join(', ') : 'no other folder of src/ui';
    const patterns = [
      { regex: `^\\.\\./(${forbidden.join('|')})(/|$)`, message: `src/ui/${folder}/ may import ${allowed} (see the layers in ARCHITECTURE.md).` },
    ];
    if (WITHOUT_REACT.includes(folder)) {
      const message = `src/ui/${folder}/ is plain TypeScript: no React, canvas or editor.`;
      // zustand/vanilla is the store without React.
      patterns.push({ group: REACT_OR_VIEW, message }, { regex: '^zustand(?!/vanilla$)', message });
    }
    return {
      files: [`src/ui/${folder}/**/*.{ts,tsx}`],
      // Tests drive their module through whatever uses it.
      ignores: ['src/ui/**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}

const NODE_OR_UI = [
  'react',
  'react-dom',
  'react/*',
  '@xyflow/*',
  'zustand',
  'zustand/*',
  'monaco-editor',
  'monaco-editor/*',
  '@monaco-editor/*',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules of hooks, and every effect, memo and callback lists what it reads. (Not the plugin's React Compiler
    // rules: this app is not compiled by it, and its canvas reads refs during render on purpose.)
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The renderer core is pure: no React, no DOM, no Node. Its tsconfig has no DOM or Node types either.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_OR_UI, message: 'src/core must stay free of React, DOM and Node APIs.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  ...uiLayerRules(),
  {
    // The CLI is a client of the core's public surface, like the designer: src/core/index.ts, never its internals.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+core/', message: 'src/cli imports the core only through src/core/index.ts (`../core` or `../../core`).' }] },
      ],
    },
  },
  {
    // One way to change the designer's state: its store module is the only writer (see src/ui/store/store.ts).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/ui/store/store.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='setState']",
          message: 'Change the designer through a command, commit/undo/redo or a named setter of src/ui/store/store.ts, never setState.',
        },
      ],
    },
  },
);
