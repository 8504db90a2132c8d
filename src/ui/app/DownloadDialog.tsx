import { useEffect, useMemo, useRef, useState } from 'react';
import { bundleOutputSize, changes, lint, outputSizeProblem, passwordUsers, readPreviousPasswords, type PreviousPasswords, type Topology } from '../../core';
import { browserRandom, bundlePasswords, bundleZip, PASSWORD_RULE, passwordProblem, unsafePathNames } from '../io/bundle';
import { previousDesign } from '../io/previous-design';
import { saveFile } from '../io/save-file';
import { useRunCommand } from '../shell/use-command';
import { closeDialog, notify } from '../store/store';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon, SeverityIcon } from '../shell/icons';

/** "Download bundle": choose passwords, see the lint's errors first, then save `<name>.zip`. */
export function DownloadDialog() {
  // The topology only while open: closed, an edit does not re-render this.
  const topology = useDesigner((s) => (s.session.dialog === 'download' ? s.design.topology : null));
  // Mounted only while open: typed passwords live in this component's state and die with it.
  return topology ? <DownloadForm topology={topology} /> : null;
}

type Mode = 'random' | 'own' | 'previous';

/** A previous bundle's passwords as read, or why they could not be. Held in memory while the dialog is open. */
type Previous = { file: string; read: PreviousPasswords; design: Topology | null } | { file: string; error: string };

/** Errors listed here; the rest are counted (a design can have thousands, and the Problems panel lists them all). */
const SHOWN_ERRORS = 10;

function DownloadForm({ topology }: { topology: Topology }) {
  const { store } = useDesignerContext();
  const run = useRunCommand();
  const errors = useMemo(() => lint(topology).filter((p) => p.severity === 'error'), [topology]);
  const users = useMemo(() => passwordUsers(topology), [topology]);
  const unsafe = useMemo(() => unsafePathNames(topology), [topology]);
  // Counted before anything renders: such a bundle would take the tab minutes and gigabytes to build.
  const tooLarge = useMemo(() => outputSizeProblem(bundleOutputSize(topology)), [topology]);
  const [mode, setMode] = useState<Mode>('random');
  // By user name in a Map: a user may be called `constructor`, which an object would answer with Object.
  const [typed, setTyped] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [show, setShow] = useState(false);
  const [previous, setPrevious] = useState<Previous | null>(null);
  const primary = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    primary.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const problems = new Map(users.map((u) => [u, mode === 'own' ? passwordProblem(typed.get(u) ?? '') : null]));
  const passwordsOk = users.every((u) => problems.get(u) === null) && (mode !== 'previous' || (previous !== null && 'read' in previous));
  const canDownload = unsafe.length === 0 && tooLarge === null && passwordsOk;

  const close = () => closeDialog(store, 'download');
  const download = () => {
    if (!canDownload) return;
    const chosen = mode === 'own' ? typed : mode === 'previous' && previous && 'read' in previous ? previous.read.passwords : new Map<string, string>();
    const zip = bundleZip(topology, bundlePasswords(topology, chosen, browserRandom));
    saveFile(zip.bytes, zip.filename, 'application/zip');
    // What is deployed next: the day-2 changes are counted from it (the Problems panel), across reloads too.
    run('baseline.remember', { topology, file: null });
    setTyped(new Map());
    setPrevious(null);
    close();
    notify(
      store,
      `Saved ${zip.filename}: ${zip.fileCount} files under ${topology.name}/. Its secret.yaml holds the passwords; keep it out of version control.`,
    );
  };

  return (
    <div className="overlay" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="dialog dialog--narrow"
        role="dialog"
        aria-modal="true"
        aria-labelledby="download-title"
        aria-describedby="download-what"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <header className="dialog__head">
          <h2 id="download-title">Download bundle</h2>
          <button type="button" className="btn btn--icon" aria-label="Close" onClick={close}>
            <Icon name="close" />
          </button>
        </header>
        <p className="dialog__lead" id="download-what">
          <code>{topology.name}.zip</code>: the manifests, every <code>nats.conf</code>, a kind config, <code>topology.yaml</code> and a README, under one
          folder <code>{topology.name}/</code>. The same files as <code>nats-topology render</code> writes.
        </p>

        {unsafe.length > 0 && (
          <div className="callout callout--error" role="alert">
            <Icon name="error" />
            <div>
              <strong>This design cannot be saved as a bundle.</strong> {unsafe.map((n) => `“${n}”`).join(', ')} cannot be a file or folder name (a slash, or
              only dots). Rename it first.
            </div>
          </div>
        )}

        {tooLarge && (
          <div className="callout callout--error" role="alert">
            <Icon name="error" />
            <div>
              <strong>This design is too large to render.</strong> {tooLarge}. Use fewer users or clusters first.
            </div>
          </div>
        )}

        {errors.length > 0 && (
          <div className="callout callout--warning" role="group" aria-label="Errors in the design">
            <Icon name="warning" />
            <div>
              <strong>
                This bundle will not work: the design has {errors.length} error{errors.length === 1 ? '' : 's'}.
              </strong>
              <ul className="callout__list">
                {errors.slice(0, SHOWN_ERRORS).map((p, i) => (
                  <li key={i}>
                    <SeverityIcon severity="error" size={12} /> <code>{p.code}</code> {p.message}
                  </li>
                ))}
              </ul>
              {errors.length > SHOWN_ERRORS && <p className="hint">and {errors.length - SHOWN_ERRORS} more: the Problems panel lists them all.</p>}
            </div>
          </div>
        )}

        <fieldset className="choice">
          <legend>Passwords</legend>
          {users.length === 0 ? (
            <p className="hint">No account has users, so the bundle has no passwords: clients connect without credentials.</p>
          ) : (
            <>
              <label className="choice__option">
                <input type="radio" name="passwords" value="random" checked={mode === 'random'} onChange={() => setMode('random')} />
                <span>
                  <span className="choice__title">Generate strong random passwords</span>
                  <span className="choice__hint">32 letters and digits for each user, made in this browser by its cryptographic random source.</span>
                </span>
              </label>
              <label className="choice__option">
                <input type="radio" name="passwords" value="own" checked={mode === 'own'} onChange={() => setMode('own')} />
                <span>
                  <span className="choice__title">Use my own</span>
                  <span className="choice__hint">{PASSWORD_RULE}. A user left blank gets a random one.</span>
                </span>
              </label>
              <label className="choice__option">
                <input type="radio" name="passwords" value="previous" checked={mode === 'previous'} onChange={() => setMode('previous')} />
                <span>
                  <span className="choice__title">Keep the passwords of a previous bundle</span>
                  <span className="choice__hint">
                    Its zip, <code>secret.yaml</code> or <code>local/secrets.env</code>. Running servers keep their passwords until they restart, so a bundle
                    that changes them would leave a cluster with two.
                  </span>
                </span>
              </label>
              {mode === 'previous' && (
                <PreviousBundle
                  topology={topology}
                  previous={previous}
                  onRead={(p) => {
                    setPrevious(p);
                    // The design it was made from, if it is a bundle zip: what runs now, until this one is downloaded.
                    if ('design' in p && p.design) run('baseline.remember', { topology: p.design, file: p.file });
                  }}
                />
              )}
              {mode === 'own' && (
                <div className="passwords">
                  {users.map((u) => {
                    const id = `pw-${u}`;
                    const problem = problems.get(u) ?? null;
                    return (
                      <div key={u} className="passwords__row">
                        <label htmlFor={id}>
                          <code>{u}</code>
                        </label>
                        <input
                          id={id}
                          type={show ? 'text' : 'password'}
                          autoComplete="new-password"
                          spellCheck={false}
                          aria-label={`Password for ${u}`}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? `${id}-msg` : undefined}
                          className={problem ? 'is-invalid' : undefined}
                          placeholder="random if blank"
                          value={typed.get(u) ?? ''}
                          onChange={(e) => setTyped((t) => new Map(t).set(u, e.target.value))}
                        />
                        {problem && (
                          <p className="field__msg field__msg--error" id={`${id}-msg`} role="alert">
                            {problem}
                          </p>
                        )}
                      </div>
                    );
                  })}
                  <label className="check">
                    <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Show passwords
                  </label>
                </div>
              )}
              <p className="hint">
                Passwords go only into <code>secret.yaml</code>. The designer never saves them, and share links never carry them.
              </p>
            </>
          )}
        </fieldset>

        <footer className="dialog__foot">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            ref={primary}
            type="button"
            className={`btn ${errors.length > 0 ? 'btn--warning' : 'btn--primary'}`}
            onClick={download}
            disabled={!canDownload}
          >
            <Icon name="download" />
            <span>{errors.length > 0 ? 'Download anyway' : 'Download'}</span>
          </button>
        </footer>
      </div>
    </div>
  );
}

/** Picks a previous bundle (or its Secret) and says which users it had passwords for; never shows a password. */
function PreviousBundle({ topology, previous, onRead }: { topology: Topology; previous: Previous | null; onRead: (p: Previous) => void }) {
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = readPreviousPasswords(topology, file.name, bytes);
    onRead(r.ok ? { file: file.name, read: r.value, design: previousDesign(bytes) } : { file: file.name, error: r.error });
  };
  return (
    <div className="passwords">
      <label className="passwords__file">
        <span>Previous bundle</span>
        <input
          type="file"
          accept=".zip,.yaml,.yml,.env,.json,application/zip,application/yaml"
          aria-label="Previous bundle or its secret.yaml"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </label>
      {previous && 'error' in previous && (
        <p className="field__msg field__msg--error" role="alert">
          {previous.error}
        </p>
      )}
      {previous && 'read' in previous && (
        <p className="hint" role="status">
          From {previous.read.source}: the passwords of {joinUsers([...previous.read.passwords.keys()])}.
          {previous.read.missing.length > 0 && <> New random ones for {joinUsers(previous.read.missing)}.</>}
          {previous.read.unused.length > 0 && <> Ignored {previous.read.unused.length} for users no longer in the design.</>}
        </p>
      )}
      {previous && 'read' in previous && previous.design && <ChangesSince previous={previous.design} topology={topology} />}
    </div>
  );
}

/** The day-2 changes from the previous bundle's design to this one: what applying needs beyond `kubectl apply`. */
function ChangesSince({ previous, topology }: { previous: Topology; topology: Topology }) {
  const found = useMemo(() => changes(previous, topology), [previous, topology]);
  if (found.length === 0) return <p className="hint">Since its design, nothing needs more than applying the new bundle.</p>;
  return (
    <div className="callout callout--warning" role="group" aria-label="Changes since the previous bundle">
      <Icon name="warning" />
      <div>
        <strong>
          Since its design, {found.length} change{found.length === 1 ? '' : 's'} need{found.length === 1 ? 's' : ''} more than applying:
        </strong>
        <ul className="callout__list">
          {found.map((p, i) => (
            <li key={i}>
              <code>{p.code}</code> {p.message}. {p.fix}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function joinUsers(users: string[]): string {
  return users.length === 0 ? 'no user' : users.map((u) => `“${u}”`).join(', ');
}
