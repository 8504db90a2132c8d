import { useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../core';
import { useDesigner, useDesignerContext } from '../shell/context';
import { SeverityIcon } from '../shell/icons';
import { fieldKey, readField, type FieldRef } from '../edits/field-edit';
import { useRunCommand } from '../shell/use-command';
import { endCoalescing } from '../store/store';

export interface FieldProps {
  fref: FieldRef;
  label: string;
  /** Example shown while empty. */
  placeholder?: string;
  numeric?: boolean;
  /** Lint and budget problems about this field. */
  problems?: Problem[];
  /** Extra line under the input (units, what the default is). */
  hint?: ReactNode;
  /** Shown inside the input's right end (inherit/reset controls). */
  aside?: ReactNode;
  wide?: boolean;
  /** The value comes from the topology's defaults (shown muted). */
  inherited?: boolean;
}

/** What every field bound to one key of the topology reads: its value, its draft (invalid text kept), and how to change it. */
function useBoundField(fref: FieldRef) {
  const run = useRunCommand();
  const id = useId();
  const key = fieldKey(fref);
  const value = useDesigner((s) => readField(s.design.topology, fref));
  const draft = useDesigner((s) => s.session.drafts[key]);
  return { run, id, key, value, draft };
}

/**
 * A text field bound to one key of the topology. Each keystroke is tried through the parser: valid text
 * becomes the topology at once (one undo step per field visit); invalid text stays here with the parser's
 * message and the last valid topology keeps rendering.
 */
export function TextField({ fref, label, placeholder, numeric, problems, hint, aside, wide, inherited }: FieldProps) {
  const { store } = useDesignerContext();
  const { run, id, key, value, draft } = useBoundField(fref);
  // While focused, show exactly what was typed (the topology holds it trimmed and normalized).
  const [typing, setTyping] = useState<string | null>(null);
  const shown = typing ?? draft?.raw ?? String(value);
  const messageId = `${id}-msg`;
  const hintId = `${id}-hint`;
  const firstProblem = problems?.[0];
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <div className="field__top">
        <label htmlFor={id}>{label}</label>
      </div>
      <div className={`field__control${aside ? ' has-aside' : ''}`}>
        <input
          id={id}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          className={
            [draft ? 'is-invalid' : firstProblem ? `has-${firstProblem.severity}` : '', inherited && !draft ? 'is-inherited' : ''].filter(Boolean).join(' ') ||
            undefined
          }
          data-field={key}
          value={shown}
          placeholder={placeholder}
          aria-invalid={draft ? true : undefined}
          aria-describedby={[draft || firstProblem ? messageId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            setTyping(e.target.value);
            run('field.set', { ref: fref, raw: e.target.value });
          }}
          onBlur={() => {
            setTyping(null);
            endCoalescing(store);
          }}
        />
        {aside && <span className="field__aside">{aside}</span>}
      </div>
      {draft ? (
        <p className="field__msg field__msg--error" id={messageId} role="alert">
          <SeverityIcon severity="error" size={12} />
          {draft.message}
        </p>
      ) : (
        firstProblem && (
          <p className={`field__msg field__msg--${firstProblem.severity}`} id={messageId}>
            <SeverityIcon severity={firstProblem.severity} size={12} />
            {firstProblem.message}
            {problems.length > 1 && <span className="muted"> (+{problems.length - 1} more)</span>}
          </p>
        )
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A switch bound to one key; `aside` sits beside it (a cluster's inherit/reset control), `problems` under it. */
export function CheckboxField({
  fref,
  label,
  hint,
  aside,
  problems,
}: {
  fref: FieldRef;
  label: string;
  hint?: ReactNode;
  aside?: ReactNode;
  problems?: Problem[];
}) {
  const { run, id, key, value, draft } = useBoundField(fref);
  return (
    <div className="field field--check">
      <div className="field__check-row">
        <label htmlFor={id} className="check">
          <input id={id} type="checkbox" data-field={key} checked={value === true} onChange={(e) => run('field.set', { ref: fref, raw: e.target.checked })} />
          <span>{label}</span>
        </label>
        {aside}
      </div>
      {draft ? (
        <p className="field__msg field__msg--error" role="alert">
          {draft.message}
        </p>
      ) : (
        problems?.[0] && (
          <p className={`field__msg field__msg--${problems[0].severity}`}>
            <SeverityIcon severity={problems[0].severity} size={12} />
            {problems[0].message}
          </p>
        )
      )}
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  fref,
  label,
  options,
  hint,
  wide,
}: {
  fref: FieldRef;
  label: string;
  options: SelectOption[];
  hint?: ReactNode;
  wide?: boolean;
}) {
  const { run, id, key, value, draft } = useBoundField(fref);
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <div className="field__top">
        <label htmlFor={id}>{label}</label>
      </div>
      <select id={id} data-field={key} value={String(value)} onChange={(e) => run('field.set', { ref: fref, raw: e.target.value })}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {draft && (
        <p className="field__msg field__msg--error" role="alert">
          {draft.message}
        </p>
      )}
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}
