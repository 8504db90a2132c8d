import { lazy, memo, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { saveFile } from '../io/save-file';
import { useRunCommand } from '../shell/use-command';
import { shortNames } from './file-names';
import { BUNDLE_PATHS, type BundleFile } from '../../core';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';
import { useResolvedTheme } from '../shell/theme';
import { useDerived, useLiveBundle } from '../shell/use-derived';
import { clusterName } from '../edits/ids';
import { formatParseError } from '../io/import';
import { dropTextDraft, setPreviewFile, setPreviewMaximized, setPreviewTab, type DesignerState } from '../store/store';

const CodeView = lazy(() => import('./CodeView'));
// Same chunk as CodeView: Monaco is loaded once for both.
const TopologyEditor = lazy(() => import('./CodeView').then((m) => ({ default: m.TopologyEditor })));

type Tab = DesignerState['session']['previewTab'];
const TABS: { id: Tab; label: string }[] = [
  { id: 'bundle', label: 'Bundle' },
  { id: 'topology', label: 'Topology' },
];

/** How long a file stays marked as just changed in the list. */
const CHANGED_MS = 2000;

/** The most characters a file's name takes in the list; longer names are cut in the middle. */
const FILE_NAME_CHARS = 18;

/** How long "Copied" stays beside the buttons. */
const COPIED_MS = 2500;

interface Folder {
  name: string;
  paths: string[];
  /** What the list shows of each file's name: cut in the middle when long, never two alike. */
  shown: Map<string, string>;
}

/** Paths grouped by their folder; top-level files first. */
export function groupByFolder(paths: string[]): Folder[] {
  const folders = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    const list = folders.get(folder);
    if (list) list.push(path);
    else folders.set(folder, [path]);
  }
  return [...folders.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))
    .map(([name, list]) => ({ name, paths: list, shown: shortNames(list.map(baseName), FILE_NAME_CHARS) }));
}

/** The file to show: the user's pick, else the selected cluster's nats.conf, else the first nats.conf. */
/** The name of the one selected cluster (its files are named for it), or null. */
function selectedClusterName(s: DesignerState): string | null {
  return s.session.selection.clusters.length === 1 ? (clusterName(s.design.topology, s.session.selection.clusters[0]) ?? null) : null;
}

function pickPath(paths: string[], chosen: string | null, cluster: string | null): string | undefined {
  const byPath = (p: string | null) => (p !== null && paths.includes(p) ? p : undefined);
  return (
    byPath(chosen) ??
    byPath(cluster === null ? null : BUNDLE_PATHS.natsConf(cluster)) ??
    paths.find((path) => path.endsWith('.conf')) ??
    byPath(BUNDLE_PATHS.readme) ??
    paths[0]
  );
}

export function PreviewPanel() {
  const { store, editors } = useDesignerContext();
  const tab = useDesigner((s) => s.session.previewTab);
  const maximized = useDesigner((s) => s.session.previewMaximized);
  const theme = useResolvedTheme();
  const run = useRunCommand();

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length].id;
    setPreviewTab(store, next);
    document.getElementById(`preview-tab-${next}`)?.focus();
  };

  // Ctrl/⌘+F anywhere in the preview (a file in the list, a button) finds in the code, not in the page. Inside the
  // editor, Monaco has handled it already.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
    const find = tab === 'bundle' ? editors.preview.find : editors.topology.find;
    if (!find) return;
    e.preventDefault();
    find();
  };

  // Escape restores the layout, unless something inside took it first (Monaco's find widget closes on it).
  useEffect(() => {
    if (!maximized) return;
    const onEscape = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || store.getState().session.dialog) return;
      e.preventDefault();
      setPreviewMaximized(store, false);
    };
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, [maximized, store]);

  return (
    <section className={`pane pane--preview${maximized ? ' is-maximized' : ''}`} aria-label="Preview" onKeyDown={onKeyDown}>
      <header className="pane__head">
        <h2 className="visually-hidden">Preview</h2>
        <div className="tabs" role="tablist" aria-label="Preview" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`preview-tab-${t.id}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === t.id}
              aria-controls={`preview-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setPreviewTab(store, t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {tab === 'bundle' ? <BundleSub /> : <span className="pane__sub">topology.yaml: edit it, and the design follows</span>}
        <FileActions tab={tab} />
        <button
          type="button"
          className="btn btn--icon btn--small"
          aria-label="Maximize preview"
          aria-pressed={maximized}
          title={maximized ? 'Restore the layout (Esc)' : 'Maximize the preview to the whole window (Esc restores it)'}
          onClick={() => run('preview.maximize')}
        >
          <Icon name={maximized ? 'restore' : 'maximize'} size={14} />
        </button>
      </header>
      {tab === 'bundle' ? <BundleView theme={theme} /> : <TopologyView theme={theme} />}
    </section>
  );
}

/** The shown file: its path and text (the editor's own text, what the user sees), or null when there is none. */
function useShownFile(tab: Tab): () => { path: string; text: string } | null {
  const { editors } = useDesignerContext();
  const bundle = useLiveBundle();
  const chosen = useDesigner((s) => s.session.previewFile);
  const cluster = useDesigner(selectedClusterName);
  const current = tab === 'bundle' ? pickPath(bundle.paths, chosen, cluster) : undefined;
  return () => {
    if (tab === 'topology') {
      const text = editors.topology.text?.();
      return text === undefined ? null : { path: BUNDLE_PATHS.topology, text };
    }
    const text = current === undefined ? null : bundle.content(current);
    return current === undefined || text === null ? null : { path: current, text };
  };
}

/** Copy file and Download file: the file the preview shows, as it shows it. */
function FileActions({ tab }: { tab: Tab }) {
  const shown = useShownFile(tab);
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (status === '') return;
    const t = setTimeout(() => setStatus(''), COPIED_MS);
    return () => clearTimeout(t);
  }, [status]);

  const copy = () => {
    const file = shown();
    if (!file) return;
    // The clipboard needs a secure context (a LAN http:// address has none): then say how instead.
    const done = navigator.clipboard?.writeText(file.text);
    if (!done) return setStatus('Copy failed: select the text and press Ctrl+C');
    done.then(
      () => setStatus(`Copied ${baseName(file.path)}`),
      () => setStatus('Copy failed: select the text and press Ctrl+C'),
    );
  };
  const download = () => {
    const file = shown();
    if (file) saveFile(file.text, baseName(file.path), mimeOf(file.path));
  };

  return (
    <div className="preview-actions">
      {/* Announced politely; not a role="status": the page's notice is the one status. */}
      <span className="preview-actions__status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="btn btn--icon btn--small" aria-label="Copy file" title="Copy this file to the clipboard" onClick={copy}>
        <Icon name="copy" size={14} />
      </button>
      <button type="button" className="btn btn--icon btn--small" aria-label="Download file" title="Download this file alone" onClick={download}>
        <Icon name="download" size={14} />
      </button>
    </div>
  );
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function mimeOf(path: string): string {
  if (path.endsWith('.yaml')) return 'application/yaml';
  if (path.endsWith('.md')) return 'text/markdown';
  return 'text/plain';
}

/** The path of the file the bundle tab shows. */
function BundleSub() {
  const { paths, tooLarge } = useLiveBundle();
  const chosen = useDesigner((s) => s.session.previewFile);
  const cluster = useDesigner(selectedClusterName);
  const current = pickPath(paths, chosen, cluster);
  return (
    <span className="pane__sub" title={current}>
      {current ?? (tooLarge ? 'too large to render' : 'no files')}
    </span>
  );
}

function BundleView({ theme }: { theme: 'light' | 'dark' }) {
  const { store } = useDesignerContext();
  // The preview follows the live topology: it must show an edit within the frame. Only the file shown is rendered in it.
  const bundle = useLiveBundle();
  const { paths, tooLarge } = bundle;
  const chosen = useDesigner((s) => s.session.previewFile);
  // Like the inspector, the file shown follows a newly selected cluster at low priority (a drag moves first).
  const cluster = useDeferredValue(useDesigner(selectedClusterName));
  // The "just changed" dots follow a frame later.
  const recent = useRecentlyChanged(useDerived().files);

  // Selecting a cluster shows its nats.conf; the user can pick another file afterwards.
  useEffect(() => {
    if (cluster !== null) setPreviewFile(store, BUNDLE_PATHS.natsConf(cluster));
  }, [cluster, store]);

  const current = pickPath(paths, chosen, cluster);
  const content = current === undefined ? null : bundle.content(current);
  // The list changes only when files come or go, not on every edit of their contents.
  const pathKey = paths.join('\n');
  const folders = useMemo(() => groupByFolder(pathKey === '' ? [] : pathKey.split('\n')), [pathKey]);
  const editorReady = useAfterCanvasInteractive();

  return (
    <div className="preview" role="tabpanel" id="preview-panel-bundle" aria-labelledby="preview-tab-bundle">
      <FileList folders={folders} current={current ?? null} recent={recent} />
      <div className="code nokey" data-path={current}>
        {tooLarge ? (
          <div className="code-too-large" role="alert">
            <p>
              <strong>This design is too large to render.</strong> {capitalize(tooLarge)}.
            </p>
            <p>Nothing is previewed or downloaded until it is smaller: the problems list says how.</p>
          </div>
        ) : current !== undefined && content !== null && editorReady ? (
          <Suspense fallback={<div className="code-loading">Loading editor…</div>}>
            <CodeView path={current} content={content} theme={theme} />
          </Suspense>
        ) : (
          <div className="code-loading">{current !== undefined && content !== null ? 'Loading editor…' : 'Nothing to show yet.'}</div>
        )}
      </div>
    </div>
  );
}

const FileList = memo(function FileList({ folders, current, recent }: { folders: Folder[]; current: string | null; recent: Set<string> }) {
  const { store } = useDesignerContext();
  return (
    <nav className="file-list" aria-label="Bundle files">
      {folders.map((folder) => (
        <div key={folder.name || '/'} className="file-group">
          {folder.name && (
            <div className="file-group__name">
              <Icon name="folder" size={13} /> {folder.name}/
            </div>
          )}
          <ul>
            {folder.paths.map((path) => {
              const base = baseName(path);
              const active = path === current;
              return (
                <li key={path}>
                  <button
                    type="button"
                    className={`file${active ? ' is-active' : ''}${folder.name ? ' file--nested' : ''}`}
                    aria-current={active ? 'true' : undefined}
                    title={path}
                    onClick={() => setPreviewFile(store, path)}
                  >
                    {/* A screen reader reads the whole name, whatever the list shows of it. */}
                    <span
                      className={`file__name${base.length > FILE_NAME_CHARS && folder.shown.get(base) === base ? ' file__name--whole' : ''}`}
                      aria-hidden="true"
                    >
                      {folder.shown.get(base) ?? base}
                    </span>
                    <span className="visually-hidden">{base}</span>
                    {recent.has(path) && <span className="file__changed" title="Just changed" aria-label="changed" />}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
});

/** The Topology tab: the editor, and under it the errors of text that does not parse. */
function TopologyView({ theme }: { theme: 'light' | 'dark' }) {
  const { store, editors } = useDesignerContext();
  const draft = useDesigner((s) => s.session.textDraft);
  const stale = useDesigner((s) => s.session.textDraft !== null && s.session.textDraft.base !== s.design.topology);
  const editorReady = useAfterCanvasInteractive();
  return (
    <div className="topology-text" role="tabpanel" id="preview-panel-topology" aria-labelledby="preview-tab-topology">
      <div className="topology-editor nokey">
        {editorReady ? (
          <Suspense fallback={<div className="code-loading">Loading editor…</div>}>
            <TopologyEditor theme={theme} />
          </Suspense>
        ) : (
          <div className="code-loading">Loading editor…</div>
        )}
      </div>
      {draft ? (
        <div className="text-errors" role="alert" aria-label="Topology text errors">
          <p className="text-errors__head">
            <Icon name="error" size={14} />
            <span>
              {draft.errors.length} error{draft.errors.length === 1 ? '' : 's'} in the text. The canvas and the files show the last valid design.
            </span>
            {stale && (
              <button type="button" className="link-button" onClick={() => dropTextDraft(store)}>
                The design changed since: show it instead of this text
              </button>
            )}
          </p>
          <ul>
            {draft.errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <button type="button" className="text-errors__item" onClick={() => e.line !== undefined && editors.topology.reveal?.(e.line, e.column ?? 1)}>
                  {formatParseError(e)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-ok">Edits apply as you type, and Undo takes them back like any other change.</p>
      )}
    </div>
  );
}

/**
 * Whether the editor may load: only once the canvas is interactive, so its chunk (Monaco, most of the app's
 * JavaScript) is neither downloaded nor run before the canvas answers.
 */
function useAfterCanvasInteractive(): boolean {
  const { canvasReady } = useDesignerContext();
  const [ready, setReady] = useState(canvasReady.done);
  useEffect(() => (ready ? undefined : canvasReady.whenDone(() => setReady(true))), [ready, canvasReady]);
  return ready;
}

/** Paths whose content changed in the last couple of seconds. */
function useRecentlyChanged(files: BundleFile[]): Set<string> {
  const previous = useRef<Map<string, string> | null>(null);
  const [recent, setRecent] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    const before = previous.current;
    previous.current = new Map(files.map((f) => [f.path, f.content]));
    if (!before) return;
    const changed = files.filter((f) => before.get(f.path) !== f.content).map((f) => f.path);
    setRecent((prev) => (changed.length === 0 && prev.size === 0 ? prev : new Set(changed)));
    const t = setTimeout(() => setRecent(new Set()), CHANGED_MS);
    return () => clearTimeout(t);
  }, [files]);
  return recent;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
