import { describe, expect, it } from 'vitest';
import { checkText } from './check-text';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('checkText: every error of a topology text, for an import', () => {
  it('lists the parser errors and the lint errors together, sorted by line, each with its position', () => {
    // given a bad number, a bad cluster name, an unknown key and a gateway to no cluster
    const text = lines(
      'version: 1',
      'name: demo',
      'clusters:',
      '  - name: Bad_Name',
      '  - name: b',
      '    replicas: many',
      '    replicass: 3',
      'gateways:',
      '  - [b, ghost]',
    );
    // when
    const { topology, errors } = checkText(text);
    // then: nothing to import, and all four are reported in the order of the file
    expect(topology).toBeNull();
    expect(errors.map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual([
      '4:11 clusters[0].name',
      '6:15 clusters[1].replicas',
      '7:5 clusters[1].replicass',
      '9:5 gateways[0]',
    ]);
    expect(errors[0].message).toContain('(CLUSTER_NAME_INVALID)');
    expect(errors[3].message).toContain('(GATEWAY_UNKNOWN_CLUSTER)');
  });

  it('returns the design of a text that parses, with its lint errors located', () => {
    const { topology, errors } = checkText(lines('version: 1', 'name: demo', 'clusters:', '  - name: a', '  - name: a'));
    expect(topology?.clusters).toHaveLength(2);
    expect(errors.map((e) => `${e.line}:${e.column} ${e.path}`)).toContain('4:11 clusters[0].name');
    expect(errors.some((e) => e.message.endsWith('(CLUSTER_NAME_DUPLICATE)'))).toBe(true);
  });

  it('gives a clean text no errors, and a YAML syntax error alone when the text is not YAML', () => {
    expect(checkText(lines('version: 1', 'name: demo', 'clusters:', '  - name: a')).errors).toEqual([]);
    const broken = checkText('version: 1\nname: [unclosed\n');
    expect(broken.topology).toBeNull();
    expect(broken.errors.map((e) => e.path)).toEqual(['(syntax)']);
  });
});
