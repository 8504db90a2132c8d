import { describe, expect, it } from 'vitest';
import { budget, TEMPLATES, type BudgetPending } from '../../core';
import { groupPending } from './pending-groups';

const pod = (name: string, explanation: string, reason = '0/1 nodes are available: 1 Insufficient cpu.'): BudgetPending => ({
  pod: name,
  workload: name.replace(/-\d+$/, ''),
  reason,
  explanation,
  blockers: ['cpu'],
});

describe('groupPending', () => {
  it('puts pods with the same explanation and reason in one group, in the order the budget lists them', () => {
    const cpu = 'not enough free CPU (needs 250m)';
    const memory = 'not enough free memory (needs 512Mi)';
    const groups = groupPending([
      pod('nats-a-1', cpu),
      pod('nats-b-0', memory, '0/1 nodes are available: 1 Insufficient memory.'),
      pod('nats-a-2', cpu),
      pod('nats-c-0', cpu, '0/2 nodes are available: 2 Insufficient cpu.'),
    ]);
    expect(groups).toEqual([
      { explanation: cpu, reason: '0/1 nodes are available: 1 Insufficient cpu.', pods: ['nats-a-1', 'nats-a-2'] },
      { explanation: memory, reason: '0/1 nodes are available: 1 Insufficient memory.', pods: ['nats-b-0'] },
      { explanation: cpu, reason: '0/2 nodes are available: 2 Insufficient cpu.', pods: ['nats-c-0'] },
    ]);
  });

  it('loses no pod of a real budget', () => {
    const base = TEMPLATES[0].topology();
    const clusters = Array.from({ length: 20 }, (_, i) => ({ ...base.clusters[0], name: `c${i}`, position: { x: i * 300, y: 0 } }));
    const b = budget({ ...base, clusters, gateways: [] });
    expect(b.pending.length).toBeGreaterThan(10);
    const groups = groupPending(b.pending);
    expect(groups.length).toBeLessThan(b.pending.length);
    expect(groups.flatMap((g) => g.pods).sort()).toEqual(b.pending.map((p) => p.pod).sort());
  });
});
