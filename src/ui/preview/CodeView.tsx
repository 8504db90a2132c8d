/** The read-only Monaco view of one bundle file. Loaded lazily: this module pulls in Monaco. */
import { EDITOR_LOOK, monaco, openFind } from './monaco-setup';
import { useEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { useDesignerContext } from '../shell/context';
import { diffLines, toRangeEdit, toRanges, type TextChange } from './line-diff';
import { languageOf } from './natsconf-language';
import { afterNextPaint, markPreviewPainted } from '../perf/marks';

export interface CodeViewProps {
  path: string;
  content: string;
  theme: 'light' | 'dark';
}

/** How long changed lines stay highlighted. */
const HIGHLIGHT_MS = 1600;

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ...EDITOR_LOOK,
  readOnly: true,
  domReadOnly: true,
  renderLineHighlight: 'none',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  folding: false,
  contextmenu: false,
  readOnlyMessage: { value: 'Generated from the topology: edit the design, not this file.' },
  // Less to redraw on every edit of a read-only view: no overview ruler, indent guides, bracket matching or
  // whitespace markers.
  overviewRulerLanes: 0,
  hideCursorInOverviewRuler: true,
  overviewRulerBorder: false,
  guides: { indentation: false, highlightActiveIndentation: false, bracketPairs: false },
  matchBrackets: 'never',
  renderWhitespace: 'none',
  // Decorations the view would otherwise compute for every line it draws, on every edit.
  bracketPairColorization: { enabled: false },
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
  renderValidationDecorations: 'off',
  links: false,
  colorDecorators: false,
};

export default function CodeView({ path, content, theme }: CodeViewProps) {
  const { editors } = useDesignerContext();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const highlights = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [ready, setReady] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // Bracket pairs are parsed per model unless the model is told otherwise; nothing here colours or matches them.
    noBracketPairs(editor.getModel());
    editor.onDidChangeModel(() => noBracketPairs(editor.getModel()));
    highlights.current = editor.createDecorationsCollection();
    setReady(true);
  };

  useEffect(() => {
    editors.preview.path = path;
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !ready) return;
    const old = model.getValue();
    if (old === content) {
      // Another file's model, already up to date.
      markPreviewPainted(path);
      return;
    }
    const { changed, edit } = diffLines(old, content);
    // Only the lines that differ are replaced: Monaco keeps the rest (and their tokens) and redraws only what
    // moved, and the view stays where the user was looking.
    if (edit) {
      model.applyEdits([lineEdit(model, edit)]);
      // Never show anything but the file: should the edit be off, the whole text is set.
      if (model.getValue() !== content) model.setValue(content);
    }
    if (changed.length > 0) editor.revealLineInCenterIfOutsideViewport(changed[0]);
    markPreviewPainted(path);
    // The highlight of the changed lines follows a frame later: the new text first, within the frame of the edit.
    const ranges = toRanges(changed);
    clearTimeout(timer.current);
    // A newer change, another file or the end of the view cancels a highlight still waiting for its frame.
    let live = true;
    afterNextPaint(() => {
      if (!live || !editorRef.current) return;
      highlights.current?.set(
        ranges.map(([from, to]) => ({
          range: new monaco.Range(from, 1, to, 1),
          options: { isWholeLine: true, className: 'line-changed', linesDecorationsClassName: 'line-changed-gutter' },
        })),
      );
      timer.current = setTimeout(() => highlights.current?.clear(), HIGHLIGHT_MS);
    });
    return () => {
      live = false;
    };
  }, [path, content, ready, editors]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!ready || !editor) return;
    editors.preview.text = () => editor.getValue();
    editors.preview.find = () => openFind(editor);
    return () => {
      clearTimeout(timer.current);
      editors.preview.text = null;
      editors.preview.find = null;
    };
  }, [ready, editors]);

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

function noBracketPairs(model: monaco.editor.ITextModel | null): void {
  model?.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
}

/** The line edit of `diffLines` as one Monaco edit of the model. */
function lineEdit(model: monaco.editor.ITextModel, edit: NonNullable<TextChange['edit']>): monaco.editor.IIdentifiedSingleEditOperation {
  const r = toRangeEdit(edit, model.getLineCount(), (line) => model.getLineLength(line));
  return { range: new monaco.Range(r.startLine, r.startColumn, r.endLine, r.endColumn), text: r.text };
}

// The Topology tab's editor rides in this lazily loaded chunk too, so Monaco is loaded once.
export { TopologyEditor } from './TopologyEditor';
