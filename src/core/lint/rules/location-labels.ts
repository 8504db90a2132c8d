import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/** Kubernetes label values: at most 63 characters, alphanumeric at both ends, `-_.` inside; empty is allowed. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** LABEL_VALUE_INVALID: region and zone are rendered as labels, and the API server refuses invalid label values. */
export const locationLabels: Rule = {
  id: 'location-labels',
  description: 'Cluster region and zone are valid Kubernetes label values.',
  check({ topology }) {
    const out: Problem[] = [];
    for (const c of topology.clusters) {
      for (const field of ['region', 'zone'] as const) {
        const value = c[field];
        if (value === null || (value.length <= 63 && LABEL_VALUE.test(value))) continue;
        const why =
          value.length > 63
            ? `it is ${value.length} characters long (at most 63)`
            : "it may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
        out.push({
          code: 'LABEL_VALUE_INVALID',
          severity: 'error',
          target: { kind: 'cluster', cluster: c.name, field },
          message: `cluster ${c.name} has ${field} ${q(value)}, which is not a valid Kubernetes label value: ${why}. The API server refuses objects labelled with it`,
          fix: `Use a value like ${q(suggestLabelValue(value))}.`,
        });
      }
    }
    return out;
  },
};

function suggestLabelValue(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .slice(0, 63)
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'default'
  );
}
