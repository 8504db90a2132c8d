import { useEffect, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { useShortcuts } from '../hooks/use-shortcuts';
import { Inspector } from '../inspector/Inspector';
import { BudgetPanel } from '../panels/BudgetPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { PreviewPanel } from '../preview/PreviewPanel';
import { DesignerContext, useDesignerContext, type Designer } from './context';
import { Notice } from './Notice';
import { RestoreBanner } from './RestoreBanner';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useResolvedTheme } from './theme';
import { Toolbar } from './Toolbar';

export function App({ designer, storage }: { designer: Designer; storage: Storage | null }) {
  return (
    <DesignerContext.Provider value={designer}>
      <Shell storage={storage} />
    </DesignerContext.Provider>
  );
}

const DOCK_MIN = 160;
const DOCK_DEFAULT = 300;

function Shell({ storage }: { storage: Storage | null }) {
  const designer = useDesignerContext();
  useShortcuts(designer.commands);
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const [dock, setDock] = useState(DOCK_DEFAULT);

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
    </div>
  );
}
