/**
 * Monaco from the npm package, never from a CDN: the tree-shakeable `monaco-editor/editor` entry, only the
 * languages the bundle needs, and the editor worker through Vite's `?worker`. Imported only by the lazily
 * loaded code view, before any editor mounts.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
// The find widget is a feature of its own in the tree-shakeable entry: without it Ctrl/⌘+F does nothing.
import 'monaco-editor/features/find/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { loader } from '@monaco-editor/react';
import { NATSCONF_ID, natsConfConfiguration, natsConfLanguage } from './natsconf-language';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

monaco.languages.register({ id: NATSCONF_ID, extensions: ['.conf'], aliases: ['nats.conf', 'natsconf'] });
monaco.languages.setMonarchTokensProvider(NATSCONF_ID, natsConfLanguage as unknown as monaco.languages.IMonarchLanguage);
monaco.languages.setLanguageConfiguration(NATSCONF_ID, natsConfConfiguration);

const tokenRules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
  { token: 'key', foreground: dark ? '7cc4fa' : '0b63a8' },
  { token: 'variable', foreground: dark ? 'd2a8ff' : '8250df' },
  { token: 'keyword', foreground: dark ? 'ff9e64' : 'b35900' },
  { token: 'keyword.include', foreground: dark ? 'ff9e64' : 'b35900', fontStyle: 'bold' },
  { token: 'number', foreground: dark ? 'e0af68' : '9a6700' },
  { token: 'string', foreground: dark ? '9ece6a' : '1a7f37' },
  { token: 'string.unquoted', foreground: dark ? 'c0caf5' : '24292f' },
  { token: 'comment', foreground: dark ? '7a8394' : '6e7781', fontStyle: 'italic' },
];

monaco.editor.defineTheme('ntd-light', {
  base: 'vs',
  inherit: true,
  rules: tokenRules(false),
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#a0a7b4', 'editor.lineHighlightBackground': '#00000000' },
});
monaco.editor.defineTheme('ntd-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: tokenRules(true),
  colors: { 'editor.background': '#161b22', 'editorLineNumber.foreground': '#4d5666', 'editor.lineHighlightBackground': '#00000000' },
});

/** How both editors look: the bundle preview and the Topology tab. */
export const EDITOR_LOOK: monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 12.5,
  lineHeight: 19,
  fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  glyphMargin: false,
  stickyScroll: { enabled: false },
  padding: { top: 8, bottom: 8 },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
};

/** Monaco's find widget, with the keyboard in its field (a read-only view finds too; it only cannot replace). */
export function openFind(editor: monaco.editor.IStandaloneCodeEditor): void {
  editor.focus();
  void editor.getAction('actions.find')?.run();
}

export { monaco };
