import { useCallback, useEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react';
import { TEMPLATES } from '../../core';
import { commandOf, type ArgsOf, type CommandId } from '../commands/registry';
import { formatShortcut } from '../commands/keys';
import { useCommandEnabled, useRunCommand } from '../shell/use-command';
import { useImportFile } from '../shell/use-import-file';
import { closeDialog, openDialog, setTheme } from '../store/store';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon, type IconName } from '../shell/icons';
import { ShareMenu } from './ShareMenu';
import { NEXT_THEME } from '../shell/theme';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Commands a button runs as they are: those that take no arguments. */
type PlainCommandId = { [K in CommandId]: [] extends ArgsOf<K> ? K : never }[CommandId];

function shortcutHint(id: CommandId): string {
  const s = commandOf(id).shortcuts?.[0];
  return s ? ` (${formatShortcut(s, MAC)})` : '';
}

function CommandButton({ id, icon, label, text = true }: { id: PlainCommandId; icon: IconName; label: string; text?: boolean }) {
  const run = useRunCommand();
  const enabled = useCommandEnabled(id);
  return (
    <button
      type="button"
      className={`btn${text ? '' : ' btn--icon'}`}
      onClick={() => run(id)}
      disabled={!enabled}
      aria-label={text ? undefined : label}
      title={`${commandOf(id).label}${shortcutHint(id)}`}
    >
      <Icon name={icon} />
      {text && <span>{label}</span>}
    </button>
  );
}

export function Toolbar() {
  const name = useDesigner((s) => s.design.topology.name);
  const theme = useDesigner((s) => s.session.theme);
  const { store } = useDesignerContext();
  const run = useRunCommand();
  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span className="toolbar__title">NATS Topology Designer</span>
        <span className="toolbar__doc" title={`Topology name: ${name}`}>
          {name}
        </span>
      </div>
      <div className="toolbar__group" role="group" aria-label="Design">
        <CommandButton id="cluster.add" icon="plus" label="Add cluster" />
        <TemplatesMenu />
      </div>
      <div className="toolbar__group" role="group" aria-label="History">
        <CommandButton id="history.undo" icon="undo" label="Undo" text={false} />
        <CommandButton id="history.redo" icon="redo" label="Redo" text={false} />
      </div>
      <div className="toolbar__group" role="group" aria-label="Layout">
        <CommandButton id="layout.tidy" icon="tidy" label="Tidy" />
        <CommandButton id="view.fit" icon="fit" label="Fit view" text={false} />
      </div>
      <div className="toolbar__spacer" />
      <div className="toolbar__group" role="group" aria-label="Files">
        <ImportButton />
        <button type="button" className="btn" onClick={() => run('topology.export')} title="Save the design as topology.yaml">
          <Icon name="export" />
          <span className="btn__label--collapsible">Export topology</span>
        </button>
        <ShareMenu />
        <button
          type="button"
          className="btn btn--primary"
          aria-haspopup="dialog"
          onClick={() => run('bundle.download')}
          title="Save the Kubernetes bundle as a zip (the same files as nats-topology render)"
        >
          <Icon name="download" />
          <span>Download bundle</span>
        </button>
      </div>
      <div className="toolbar__group" role="group" aria-label="Settings">
        <button
          type="button"
          className="btn btn--icon"
          aria-label={`Theme: ${theme}`}
          title={`Theme: ${theme} (click for ${NEXT_THEME[theme]})`}
          onClick={() => setTheme(store, NEXT_THEME[theme])}
        >
          <Icon name={theme === 'light' ? 'sun' : theme === 'dark' ? 'moon' : 'system'} />
        </button>
        <button type="button" className="btn btn--icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => run('help.shortcuts')}>
          <Icon name="keyboard" />
        </button>
      </div>
    </header>
  );
}

function TemplatesMenu() {
  const { store } = useDesignerContext();
  const open = useDesigner((s) => s.session.dialog === 'templates');
  const setOpen = useCallback((v: boolean) => (v ? openDialog(store, 'templates') : closeDialog(store, 'templates')), [store]);
  const run = useRunCommand();
  const wrap = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open, setOpen]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      wrap.current?.querySelector<HTMLElement>('button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <div className="menu-wrap" ref={wrap}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="templates" />
        <span>Templates</span>
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Built-in templates" ref={menu} onKeyDown={onKeyDown}>
          {TEMPLATES.map((t) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              className="menu__item"
              onClick={() => {
                setOpen(false);
                run('template.apply', { id: t.id });
              }}
            >
              <span className="menu__title">{t.title}</span>
              <span className="menu__desc">{t.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function ImportButton() {
  const importFile = useImportFile();
  const input = useRef<HTMLInputElement>(null);
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void importFile(file);
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => input.current?.click()}
        title="Open a topology.yaml or .json (or drop one on the canvas, or paste it)"
      >
        <Icon name="import" />
        <span className="btn__label--collapsible">Import</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml"
        hidden
        onChange={onFile}
        aria-label="Topology file to import"
      />
    </>
  );
}
