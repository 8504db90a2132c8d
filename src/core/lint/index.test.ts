import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index';
import { lint } from './index';
import { topologyFrom } from './testing';

/** What each built-in template is expected to trigger: never an error, and only warnings we chose to keep. */
const TEMPLATE_PROBLEMS: Record<string, string[]> = {
  // 2 × 3 servers: an even meta group of 6, which loses its quorum with either cluster (the design as NoETL drew it).
  noetl: ['JETSTREAM_CLUSTER_LOSS', 'JETSTREAM_META_GROUP_EVEN'],
  single: ['AUTH_NONE'],
  five: ['AUTH_NONE'],
  'three-region': [],
  // One-server clusters are the point of this template; the lint still says what they cost.
  light: ['AUTH_NONE'],
  // edge is one edge box: its JetStream has no quorum, and the lint says so.
  'multi-region': ['JETSTREAM_CLUSTER_TOO_SMALL'],
};

describe('lint', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('finds no error in template %s, only the expected notes', (id, template) => {
    // given
    const topology = template.topology();
    // when
    const problems = lint(topology);
    // then
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(TEMPLATE_PROBLEMS[id]);
  });

  it('covers every template in the expectations', () => {
    // given / when / then
    expect(Object.keys(TEMPLATE_PROBLEMS).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });

  it('returns problems sorted by severity, then code', () => {
    // given
    const topology = topologyFrom({
      image: 'nats',
      clusters: [{ name: 'a', replicas: 4 }, { name: 'B' }],
      gateways: [['a', 'B']],
    });
    // when
    const problems = lint(topology);
    // then
    expect(problems.map((p) => `${p.severity} ${p.code}`)).toEqual([
      'error CLUSTER_NAME_INVALID',
      'warning IMAGE_TAG_FLOATING',
      'warning JETSTREAM_CLUSTER_EVEN',
      'warning JETSTREAM_CLUSTER_LOSS',
      'info AUTH_NONE',
    ]);
  });

  it('reports identical problems once', () => {
    // given: two clusters named a with 4 servers each give the same message twice
    const topology = topologyFrom({
      clusters: [
        { name: 'a', replicas: 4 },
        { name: 'a', replicas: 4 },
      ],
    });
    // when
    const problems = lint(topology).filter((p) => p.code === 'JETSTREAM_CLUSTER_EVEN');
    // then
    expect(problems).toHaveLength(1);
  });
});
