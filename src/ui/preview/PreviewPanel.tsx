import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { BUNDLE_PATHS, type BundleFile } from '../../core';
import { useDesigner, useDesignerContext } from '../app/context';
import { Icon } from '../app/icons';
import { useResolvedTheme } from '../app/theme';
import { useDerived } from '../hooks/use-derived';

const CodeView = lazy(() => import('./CodeView'));

/** How long a file stays marked as just changed in the list. */
const CHANGED_MS = 2000;

interface Folder {
  name: string;
  files: BundleFile[];
}

/** Files grouped by their folder; top-level files first. */
export function groupByFolder(files: BundleFile[]): Folder[] {
  const folders = new Map<string, BundleFile[]>();
  for (const f of files) {
    const slash = f.path.lastIndexOf('/');
    const folder = slash < 0 ? '' : f.path.slice(0, slash);
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }
  return [...folders.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))
    .map(([name, list]) => ({ name, files: list }));
}

/** The file to show: the user's pick, else the selected cluster's nats.conf, else the first nats.conf. */
function pickFile(files: BundleFile[], chosen: string | null, cluster: string | null): BundleFile | undefined {
  const byPath = (p: string | null) => (p === null ? undefined : files.find((f) => f.path === p));
  return (
    byPath(chosen) ??
    byPath(cluster === null ? null : BUNDLE_PATHS.natsConf(cluster)) ??
    files.find((f) => f.path.endsWith('.conf')) ??
    byPath(BUNDLE_PATHS.readme) ??
    files[0]
  );
}

export function PreviewPanel() {
  const { store } = useDesignerContext();
  const { files } = useDerived();
  const chosen = useDesigner((s) => s.previewFile);
  const cluster = useDesigner((s) => (s.selection.clusters.length === 1 ? s.selection.clusters[0] : null));
  const theme = useResolvedTheme();
  const recent = useRecentlyChanged(files);

  // Selecting a cluster shows its nats.conf; the user can pick another file afterwards.
  useEffect(() => {
    if (cluster !== null) store.setState({ previewFile: BUNDLE_PATHS.natsConf(cluster.replace(/#\d+$/, '')) });
  }, [cluster, store]);

  const current = pickFile(files, chosen, cluster);
  const folders = useMemo(() => groupByFolder(files), [files]);

  return (
    <section className="pane pane--preview" aria-label="Preview">
      <header className="pane__head">
        <h2 className="pane__title">Preview</h2>
        <span className="pane__sub" title={current?.path}>
          {current?.path ?? 'no files'}
        </span>
      </header>
      <div className="preview">
        <nav className="file-list" aria-label="Bundle files">
          {folders.map((folder) => (
            <div key={folder.name || '/'} className="file-group">
              {folder.name && (
                <div className="file-group__name">
                  <Icon name="folder" size={13} /> {folder.name}/
                </div>
              )}
              <ul>
                {folder.files.map((f) => {
                  const base = f.path.slice(f.path.lastIndexOf('/') + 1);
                  const active = f.path === current?.path;
                  return (
                    <li key={f.path}>
                      <button
                        type="button"
                        className={`file${active ? ' is-active' : ''}${folder.name ? ' file--nested' : ''}`}
                        aria-current={active ? 'true' : undefined}
                        title={f.path}
                        onClick={() => store.setState({ previewFile: f.path })}
                      >
                        <span className="file__name">{base}</span>
                        {recent.has(f.path) && <span className="file__changed" title="Just changed" aria-label="changed" />}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </nav>
        <div className="code" data-path={current?.path}>
          {current ? (
            <Suspense fallback={<div className="code-loading">Loading editor…</div>}>
              <CodeView path={current.path} content={current.content} theme={theme} />
            </Suspense>
          ) : (
            <div className="code-loading">Nothing to show yet.</div>
          )}
        </div>
      </div>
    </section>
  );
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
    setRecent(new Set(changed));
    const t = setTimeout(() => setRecent(new Set()), CHANGED_MS);
    return () => clearTimeout(t);
  }, [files]);
  return recent;
}
