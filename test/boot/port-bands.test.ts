/** The boot test files' port bands (`harness.ts`) never meet, and each lies below Linux's ephemeral range. */
import { describe, expect, it } from 'vitest';
import { PORT_BANDS } from './harness';

describe('PORT_BANDS', () => {
  it('are disjoint ranges from 1024 to 32767', () => {
    const bands = Object.entries(PORT_BANDS).sort(([, a], [, b]) => a.from - b.from);
    for (const [name, b] of bands) expect({ name, ok: b.from >= 1024 && b.from <= b.to && b.to < 32768 }).toEqual({ name, ok: true });
    const overlaps = bands.slice(1).flatMap(([name, b], i) => (b.from <= bands[i][1].to ? [`${bands[i][0]} and ${name}`] : []));
    expect(overlaps).toEqual([]);
  });
});
