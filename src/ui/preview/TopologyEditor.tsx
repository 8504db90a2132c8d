/**
 * The Topology tab: the design as YAML in an editable Monaco editor. Text that parses becomes the design (one
 * undo step per burst of typing); text that does not gets markers at its errors and the design keeps its last
 * valid value. Loaded lazily with the rest of Monaco (re-exported from CodeView, so it shares that chunk).
 */
import { EDITOR_LOOK, monaco, openFind } from './monaco-setup';
import { useEffect, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { serializeTopology, type ParseError, type Topology } from '../../core';
import { useDesigner, useDesignerContext } from '../shell/context';
import { runCommand } from '../commands/registry';
import { endCoalescing } from '../store/store';

/** Typing pauses this long before the text is read. */
export const READ_DELAY_MS = 250;
/** A pause this long ends a burst: the next edit is an undo step of its own. */
export const BURST_GAP_MS = 1500;

const MODEL_URI = 'file:///topology.yaml';
const MARKER_OWNER = 'topology';

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ...EDITOR_LOOK,
  renderLineHighlight: 'line',
  folding: true,
  tabSize: 2,
  insertSpaces: true,
  quickSuggestions: false,
  wordBasedSuggestions: 'off',
  ariaLabel: 'Topology as YAML',
};

export function TopologyEditor({ theme }: { theme: 'light' | 'dark' }) {
  const { store, commands, editors } = useDesignerContext();
  const topology = useDesigner((s) => s.design.topology);
  const draft = useDesigner((s) => s.session.textDraft);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  /** The design the editor's own text produced last: its arrival must not rewrite what the user is typing. */
  const own = useRef<Topology | null>(null);
  /** True while the text is set from the design, so that change is not read back as typing. */
  const applying = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const burst = useRef({ n: 0, last: 0 });
  const [ready, setReady] = useState(false);
  // The first text: the unparsed draft when it was typed over this very design, else the design itself.
  const [initial] = useState(() => {
    const s = store.getState();
    return s.session.textDraft && s.session.textDraft.base === s.design.topology ? s.session.textDraft.text : serializeTopology(s.design.topology);
  });

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    own.current = store.getState().design.topology;
    const read = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      runCommand(commands, 'topology.text', { text: editor.getValue(), burst: burst.current.n });
      own.current = store.getState().design.topology;
    };
    editor.onDidChangeModelContent(() => {
      if (applying.current) return;
      const now = Date.now();
      if (now - burst.current.last > BURST_GAP_MS) burst.current.n++;
      burst.current.last = now;
      clearTimeout(timer.current);
      timer.current = setTimeout(read, READ_DELAY_MS);
    });
    editor.onDidBlurEditorText(() => {
      // Leaving the editor reads what was typed at once (before a click elsewhere edits the design) and ends the step.
      if (timer.current !== undefined) read();
      endCoalescing(store);
      burst.current.last = 0;
    });
    // Ctrl/⌘+Z: the design's undo, like everywhere else, once the text has been read. While the text is unread or
    // does not parse, the editor's own undo steps back through the typing instead.
    const historyOr = (command: 'history.undo' | 'history.redo', native: 'undo' | 'redo') => () => {
      if (timer.current !== undefined || store.getState().session.textDraft) editor.trigger('keyboard', native, null);
      else runCommand(commands, command);
    };
    const { KeyMod, KeyCode } = monaco;
    editor.addAction({ id: 'designer.undo', label: 'Undo', keybindings: [KeyMod.CtrlCmd | KeyCode.KeyZ], run: historyOr('history.undo', 'undo') });
    editor.addAction({
      id: 'designer.redo',
      label: 'Redo',
      keybindings: [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, KeyMod.CtrlCmd | KeyCode.KeyY],
      run: historyOr('history.redo', 'redo'),
    });
    editors.topology.text = () => editor.getValue();
    editors.topology.reveal = (line, column) => {
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    };
    editors.topology.find = () => openFind(editor);
    setReady(true);
  };

  useEffect(
    () => () => {
      // Unmounting (another tab): what was typed and not yet read is read now.
      const editor = editorRef.current;
      if (timer.current !== undefined && editor) {
        clearTimeout(timer.current);
        runCommand(commands, 'topology.text', { text: editor.getValue(), burst: burst.current.n });
      }
      editors.topology.text = null;
      editors.topology.reveal = null;
      editors.topology.find = null;
    },
    [commands, editors],
  );

  // The design changed elsewhere (canvas, inspector, undo, import): show it, unless the text has errors the user
  // is still fixing; then their text stays and the list under the editor says so.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!ready || !editor || !model) return;
    if (topology === own.current || draft) return;
    own.current = topology;
    const text = serializeTopology(topology);
    if (model.getValue() === text) return;
    const view = editor.saveViewState();
    applying.current = true;
    try {
      model.setValue(text);
    } finally {
      applying.current = false;
    }
    if (view) editor.restoreViewState(view);
  }, [topology, draft, ready]);

  // Markers at the errors of unparsed text.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!ready || !model) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, draft ? draft.errors.map((e) => markerOf(model, e)) : []);
  }, [draft, ready]);

  return (
    <Editor
      path={MODEL_URI}
      defaultValue={initial}
      language="yaml"
      theme={theme === 'dark' ? 'ntd-dark' : 'ntd-light'}
      options={OPTIONS}
      onMount={onMount}
      loading={<div className="code-loading">Loading editor…</div>}
    />
  );
}

/** A marker under the word at the error, or to the end of its line. */
function markerOf(model: monaco.editor.ITextModel, e: ParseError): monaco.editor.IMarkerData {
  const line = Math.min(Math.max(e.line ?? 1, 1), model.getLineCount());
  const maxColumn = model.getLineMaxColumn(line);
  const column = Math.min(Math.max(e.column ?? 1, 1), maxColumn);
  const word = model.getWordAtPosition({ lineNumber: line, column });
  const endColumn = word && word.endColumn > column ? word.endColumn : column < maxColumn ? maxColumn : column + 1;
  return {
    severity: monaco.MarkerSeverity.Error,
    message: `${e.path}: ${e.message}`,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn,
    source: 'parseTopology',
  };
}
