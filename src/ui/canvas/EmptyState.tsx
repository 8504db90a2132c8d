import { TEMPLATES } from '../../core';
import { useRunCommand } from '../shell/use-command';
import { Icon } from '../shell/icons';

/** Shown on an empty canvas: start from a template or from one cluster. */
export function EmptyState() {
  const run = useRunCommand();
  return (
    <div className="empty-state">
      <div className="empty-state__card" role="region" aria-label="Get started">
        <h2>Design a NATS deployment</h2>
        <p className="muted">
          Start from a template, or add clusters and drag between their handles to link them with gateways. Every file,
          problem and the kind budget follow as you draw.
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
