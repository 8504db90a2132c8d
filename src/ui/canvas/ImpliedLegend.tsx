import { memo } from 'react';
import { useRunCommand } from '../shell/use-command';
import { MAX_IMPLIED_DRAWN } from './implied-links';

/**
 * What the faint dashed lines are, and a switch for them. Shown only while the design implies a connection: NATS
 * joins every pair of clusters its links connect, directly or not, drawn or not.
 */
export const ImpliedLegend = memo(function ImpliedLegend({ count, shown }: { count: number; shown: boolean }) {
  const run = useRunCommand();
  if (count === 0) return null;
  const tooMany = count > MAX_IMPLIED_DRAWN;
  const what = `${count.toLocaleString('en')} implied gateway connection${count === 1 ? '' : 's'}`;
  return (
    // In the canvas's top-right corner, under "Find cluster" (Canvas.tsx).
    <div className="implied-legend" aria-label="Implied connections">
      <label className="implied-legend__toggle" title="NATS connects every pair of clusters that links join, directly or through others">
        <input type="checkbox" checked={shown && !tooMany} disabled={tooMany} onChange={() => run('view.implied')} />
        <svg className="implied-legend__sample" width="28" height="8" aria-hidden="true">
          <line x1="1" y1="4" x2="27" y2="4" />
        </svg>
        <span>{what}</span>
      </label>
      <p className="implied-legend__note">
        {tooMany ? `Too many to draw (more than ${MAX_IMPLIED_DRAWN}).` : 'Made by NATS through other clusters; not drawn.'}
      </p>
    </div>
  );
});
