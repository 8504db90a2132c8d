/** The read-only Monaco view of one bundle file. Loaded lazily: this module pulls in Monaco. */
import { monaco } from './monaco-setup';
import { useEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { previewHandle } from './handle';
import { diffLines, toRanges } from './line-diff';
import { languageOf } from './natsconf-language';

export interface CodeViewProps {
  path: string;
  content: string;
  theme: 'light' | 'dark';
}

/** How long changed lines stay highlighted. */
const HIGHLIGHT_MS = 1600;

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  readOnly: true,
  domReadOnly: true,
  minimap: { enabled: false },
  fontSize: 12.5,
  lineHeight: 19,
  fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  renderLineHighlight: 'none',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  folding: false,
  glyphMargin: false,
  contextmenu: false,
  stickyScroll: { enabled: false },
  padding: { top: 8, bottom: 8 },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  readOnlyMessage: { value: 'Generated from the topology: edit the design, not this file.' },
};

export default function CodeView({ path, content, theme }: CodeViewProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const highlights = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [ready, setReady] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    highlights.current = editor.createDecorationsCollection();
    setReady(true);
  };

  useEffect(() => {
    previewHandle.path = path;
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !ready) return;
    const old = model.getValue();
    if (old === content) return;
    const { changed } = diffLines(old, content);
    // Replace the text but keep where the user was looking.
    const view = editor.saveViewState();
    model.setValue(content);
    if (view) editor.restoreViewState(view);
    highlights.current?.set(
      toRanges(changed).map(([from, to]) => ({
        range: new monaco.Range(from, 1, to, 1),
        options: { isWholeLine: true, className: 'line-changed', linesDecorationsClassName: 'line-changed-gutter' },
      })),
    );
    if (changed.length > 0) editor.revealLineInCenterIfOutsideViewport(changed[0]);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => highlights.current?.clear(), HIGHLIGHT_MS);
  }, [path, content, ready]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!ready || !editor) return;
    previewHandle.text = () => editor.getValue();
    return () => {
      clearTimeout(timer.current);
      previewHandle.text = null;
    };
  }, [ready]);

  return (
    <Editor
      path={`file:///bundle/${path}`}
      defaultValue={content}
      language={languageOf(path)}
      theme={theme === 'dark' ? 'ntd-dark' : 'ntd-light'}
      options={OPTIONS}
      onMount={onMount}
      loading={<div className="code-loading">Loading editor…</div>}
    />
  );
}

// The Topology tab's editor rides in this lazily loaded chunk too, so Monaco is loaded once.
export { TopologyEditor } from './TopologyEditor';
