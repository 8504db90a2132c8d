import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { fileNames } from './file-names';
import { factsOf } from '../../check/facts';

describe('file-names', () => {
  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'lpt1', 'com0', 'lpt9', 'CON', 'Nul', 'con.yaml', 'nul.tar.gz', 'aux .txt', 'com¹'])(
    'reports the Windows device name %j for a cluster',
    (name) => {
      // given a cluster that would write clusters/<name>.yaml, which Windows cannot create
      const t = topologyFrom({ clusters: [{ name }] });
      // when / then
      expect(codes(fileNames.check(factsOf(t)))).toEqual(['FILE_NAME_RESERVED']);
    },
  );

  it('reports the topology name, which names the folder and the zip', () => {
    const problems = fileNames.check(factsOf(topologyFrom({ name: 'nul' })));
    expect(problems).toEqual([expect.objectContaining({ code: 'FILE_NAME_RESERVED', target: { kind: 'topology', field: 'name' } })]);
    expect(problems[0].message).toContain('nul.zip');
  });

  it('reports cluster names that differ only in case', () => {
    const problems = fileNames.check(factsOf(topologyFrom({ clusters: [{ name: 'east' }, { name: 'East' }, { name: 'EAST' }] })));
    expect(codes(problems)).toEqual(['FILE_NAME_CASE_COLLISION', 'FILE_NAME_CASE_COLLISION']);
    expect(problems[0].message).toBe('clusters "east" and "East" differ only in case: on macOS and Windows their files would be one file');
  });

  it('accepts names that only contain a device name', () => {
    expect(
      codes(fileNames.check(factsOf(topologyFrom({ name: 'console', clusters: [{ name: 'con-1' }, { name: 'com10' }, { name: 'nully' }, { name: 'a' }] })))),
    ).toEqual([]);
  });
});
