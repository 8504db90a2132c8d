import {
  lazy,
  Suspense,
  useEffect,
  useState,
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import { runCommand } from '../commands/registry';
import { Canvas } from '../canvas/Canvas';
import { SettledTopology } from '../shell/settled';
import { Palette } from '../canvas/Palette';
import { useShareLinks } from './use-share-links';
import { useShortcuts } from './use-shortcuts';
import { Inspector } from '../inspector/Inspector';
import { DesignerContext, useDesigner, useDesignerContext } from '../shell/context';
import type { Designer } from '../shell/designer';
import { ImportBanner } from './ImportBanner';
import { Notice } from './Notice';
import { RestoreBanner } from './RestoreBanner';
import { SharedLinkBanner, SharedLinkDialog } from './SharedLink';
import { useResolvedTheme } from '../shell/theme';
import { Toolbar } from './Toolbar';
import type { DialogId } from '../store/session';
import { BudgetPanel } from '../panels/BudgetPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { PreviewPanel } from '../preview/PreviewPanel';

export function App({ designer, storage }: { designer: Designer; storage: Storage | null }) {
  return (
    <DesignerContext.Provider value={designer}>
      <SettledTopology>
        <Shell storage={storage} />
      </SettledTopology>
    </DesignerContext.Provider>
  );
}

const DOCK_MIN = 160;
/** The dock's height at first: 300 px, less on a short window so the canvas keeps most of it. */
const dockDefault = () => Math.round(Math.max(DOCK_MIN, Math.min(300, window.innerHeight * 0.3)));
/** How far an arrow key moves the splitter. */
const DOCK_STEP = 24;
const dockMax = () => Math.round(window.innerHeight * 0.7);

function Shell({ storage }: { storage: Storage | null }) {
  const designer = useDesignerContext();
  useShortcuts(designer.commands);
  useShareLinks(designer.commands);
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const [dock, setDock] = useState(dockDefault);
  useNoFileNavigation();
  const clampDock = (h: number) => Math.max(DOCK_MIN, Math.min(dockMax(), Math.round(h)));
  // The canvas got taller or shorter: show the whole design again, once the new size is laid out.
  const refit = () => requestAnimationFrame(() => runCommand(designer.commands, 'view.fit'));

  const startResize = (e: ReactPointerEvent<HTMLDivElement>) => {
    const startY = e.clientY;
    const startH = dock;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    el.classList.add('is-dragging');
    let moved = false;
    const move = (ev: PointerEvent) => {
      moved = true;
      setDock(clampDock(startH + startY - ev.clientY));
    };
    const up = () => {
      el.classList.remove('is-dragging');
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      if (moved) refit();
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  // A splitter is also moved from the keyboard: arrows by a step, Home and End to the ends.
  const onHandleKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowUp' ? dock + DOCK_STEP : e.key === 'ArrowDown' ? dock - DOCK_STEP : e.key === 'Home' ? DOCK_MIN : e.key === 'End' ? dockMax() : null;
    if (next === null) return;
    e.preventDefault();
    setDock(clampDock(next));
    refit();
  };

  return (
    <div className="app" style={{ '--dock-h': `${dock}px` } as CSSProperties}>
      <a className="skip-link" href="#canvas" onClick={skipToCanvas}>
        Skip to the canvas
      </a>
      <Toolbar />
      <RestoreBanner storage={storage} />
      <SharedLinkBanner />
      <ImportBanner />
      <div className="workspace">
        <Palette />
        <main className="stage">
          <Canvas />
          <Notice />
        </main>
        <Inspector />
        <div className="dock">
          <div
            className="dock__handle"
            role="separator"
            tabIndex={0}
            aria-orientation="horizontal"
            aria-label="Resize the bottom panels"
            aria-valuenow={dock}
            aria-valuemin={DOCK_MIN}
            aria-valuemax={dockMax()}
            title="Drag, or use the arrow keys, to resize the bottom panels"
            onPointerDown={startResize}
            onKeyDown={onHandleKey}
          />
          <PreviewPanel />
          <ProblemsPanel />
          <BudgetPanel />
        </div>
      </div>
      <WhenOpen dialog="shortcuts">
        <ShortcutsDialog />
      </WhenOpen>
      <WhenOpen dialog="download">
        <DownloadDialog />
      </WhenOpen>
      <SharedLinkDialog />
    </div>
  );
}

/**
 * The skip link's target: the first cluster on the canvas, else the first thing on the empty canvas (the Get started
 * card), else the canvas itself. Without it a keyboard user tabs through the toolbar and the palette first.
 */
function skipToCanvas(e: { preventDefault(): void }): void {
  e.preventDefault();
  const stage = document.querySelector<HTMLElement>('.stage');
  const target =
    stage?.querySelector<HTMLElement>('.react-flow__node') ??
    stage?.querySelector<HTMLElement>('.empty-state button') ??
    stage?.querySelector<HTMLElement>('.react-flow');
  if (target && !target.hasAttribute('tabindex') && !target.matches('button')) target.tabIndex = -1;
  target?.focus();
}

/**
 * A file dropped anywhere but the canvas (which imports it) would make the browser open it in place of the app.
 * React's handlers run first, so the canvas still gets its drop.
 */
function useNoFileNavigation(): void {
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/**
 * Dialogs load on their first open: none of their code is needed before the canvas is interactive (the download
 * dialog brings the zip writer, the password forms and the reading of a previous bundle).
 */
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })));
const DownloadDialog = lazy(() => import('./DownloadDialog').then((m) => ({ default: m.DownloadDialog })));

/** Mounts a lazily loaded dialog while the session has it open. */
function WhenOpen({ dialog, children }: { dialog: DialogId; children: ReactNode }) {
  const open = useDesigner((s) => s.session.dialog === dialog);
  return open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
