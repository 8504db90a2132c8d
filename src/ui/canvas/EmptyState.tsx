import { useEffect, useRef, useState } from 'react';
import { TEMPLATES } from '../../core';
import { useDesigner } from '../shell/context';
import { useRunCommand } from '../shell/use-command';
import { Icon } from '../shell/icons';

/**
 * Shown on an empty canvas: start from a template or from one cluster. Like any card over the work, Escape or a
 * click outside puts it away; a small button brings it back.
 */
export function EmptyState() {
  const run = useRunCommand();
  const [open, setOpen] = useState(true);
  const card = useRef<HTMLDivElement>(null);
  const dialogOpen = useDesigner((s) => s.session.dialog !== null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // A dialog or menu open over it takes its own Escape.
      if (e.key === 'Escape' && !e.defaultPrevented && !dialogOpen) setOpen(false);
    };
    const onDown = (e: PointerEvent) => {
      if (!card.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open, dialogOpen]);

  if (!open) {
    return (
      <div className="empty-state empty-state--closed">
        <button type="button" className="btn btn--small empty-state__reopen" onClick={() => setOpen(true)}>
          <Icon name="templates" size={14} /> Start from a template
        </button>
      </div>
    );
  }

  return (
    <div className="empty-state">
      <div className="empty-state__card" role="region" aria-label="Get started" ref={card}>
        <button type="button" className="btn btn--icon btn--small empty-state__close" aria-label="Close" title="Close (Esc)" onClick={() => setOpen(false)}>
          <Icon name="close" size={14} />
        </button>
        <h2>Design a NATS deployment</h2>
        <p className="muted">
          Start from a template, or add clusters and drag between their handles to link them with gateways. Every file, problem and the kind budget follow as
          you draw.
        </p>
        <ul className="template-cards">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <button type="button" className="template-card" onClick={() => run('template.apply', { id: t.id })}>
                <span className="template-card__title">{t.title}</span>
                <span className="template-card__desc">{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="empty-state__foot">
          <button type="button" className="btn btn--primary" onClick={() => run('cluster.add')}>
            <Icon name="plus" /> Start from scratch
          </button>
          <span className="muted">or drag a cluster from the palette</span>
        </div>
      </div>
    </div>
  );
}
