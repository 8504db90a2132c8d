import { describe, expect, it } from 'vitest';
import { amend, HISTORY_LIMIT, record, redo, undo, type History } from './history';

const start: History<string> = { past: [], present: 'a', future: [] };

describe('undo history', () => {
  it('records steps and walks back and forth through them', () => {
    const h = record(record(start, 'b'), 'c');
    expect(h).toEqual({ past: ['a', 'b'], present: 'c', future: [] });
    const back = undo(undo(h));
    expect(back).toEqual({ past: [], present: 'a', future: ['b', 'c'] });
    expect(redo(back)).toEqual({ past: ['a'], present: 'b', future: ['c'] });
  });

  it('drops the future when a new step is recorded after an undo', () => {
    const h = record(undo(record(start, 'b')), 'x');
    expect(h).toEqual({ past: ['a'], present: 'x', future: [] });
  });

  it('keeps at most the limit of past steps', () => {
    let h = start;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, `s${i}`);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe('s19');
  });

  it('amends the present without adding a step', () => {
    const h = amend(record(start, 'b'), 'bb');
    expect(h).toEqual({ past: ['a'], present: 'bb', future: [] });
  });

  it('does nothing at either end', () => {
    expect(undo(start)).toBe(start);
    expect(redo(start)).toBe(start);
    expect(record(start, 'a')).toBe(start);
  });
});
