// The fuzzer in every test run: a fixed seed, bounded to about a minute here. Random designs, valid and hostile (forced
// past the lint too), through the parser, the lint, both renderers, the CLI's writer and both real servers; nothing may
// crash, hang, inject, leak a password, escape the output folder or break a server (test/fuzz/fuzz.ts says how each
// is judged). `npm run fuzz -- --designs 10000` runs it at length.
import { describe, expect, it } from 'vitest';
import { failures, runFuzz } from './fuzz/fuzz';
import { missingTool, NATS_SERVERS, SERVER_VERSIONS } from './support/tools';

const SEED = 20261201;
const DESIGNS = 250;

if (SERVER_VERSIONS.some((v) => 'missing' in v)) {
  missingTool('the fuzzer', SERVER_VERSIONS.flatMap((v) => ('missing' in v ? [v.missing] : [])).join('; '));
} else {
  describe('the fuzzer', () => {
    it(`finds nothing in ${DESIGNS} random designs on nats-server ${NATS_SERVERS.map((s) => s.version).join(' and ')}`, { timeout: 600_000 }, async () => {
      const r = await runFuzz({ designs: DESIGNS, seed: SEED, servers: NATS_SERVERS, bootEvery: 10, parallel: 4 });
      expect(failures(r)).toEqual([]);
      // It reached where it must: valid designs on both servers, forced designs through the renderers, logins.
      expect(r.lintClean).toBeGreaterThan(DESIGNS / 4);
      expect(r.forced).toBeGreaterThan(DESIGNS / 10);
      for (const c of Object.values(r.checks)) expect(c.runs).toBeGreaterThan(DESIGNS);
      expect(r.logins).toBeGreaterThan(10);
    });
  });
}
