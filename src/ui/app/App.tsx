import { useEffect, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import { Canvas } from '../canvas/Canvas';
import { SettledTopology } from '../shell/settled';
import { Palette } from '../canvas/Palette';
import { useShareLinks } from './use-share-links';
import { useShortcuts } from './use-shortcuts';
import { Inspector } from '../inspector/Inspector';
import { BudgetPanel } from '../panels/BudgetPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { PreviewPanel } from '../preview/PreviewPanel';
import { DesignerContext, useDesignerContext } from '../shell/context';
import type { Designer } from '../shell/designer';
import { DownloadDialog } from './DownloadDialog';
import { ImportBanner } from './ImportBanner';
import { Notice } from './Notice';
import { RestoreBanner } from './RestoreBanner';
import { SharedLinkBanner, SharedLinkDialog } from './SharedLink';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useResolvedTheme } from '../shell/theme';
import { Toolbar } from './Toolbar';

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
const DOCK_DEFAULT = 300;

function Shell({ storage }: { storage: Storage | null }) {
  const designer = useDesignerContext();
  useShortcuts(designer.commands);
  useShareLinks(designer.commands);
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const [dock, setDock] = useState(DOCK_DEFAULT);
  useNoFileNavigation();

  const startResize = (e: ReactPointerEvent<HTMLDivElement>) => {
    const startY = e.clientY;
    const startH = dock;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setDock(Math.max(DOCK_MIN, Math.min(window.innerHeight * 0.7, startH + startY - ev.clientY)));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  return (
    <div className="app" style={{ '--dock-h': `${dock}px` } as CSSProperties}>
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
            aria-orientation="horizontal"
            aria-label="Resize the bottom panels"
            onPointerDown={startResize}
          />
          <PreviewPanel />
          <ProblemsPanel />
          <BudgetPanel />
        </div>
      </div>
      <ShortcutsDialog />
      <DownloadDialog />
      <SharedLinkDialog />
    </div>
  );
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
