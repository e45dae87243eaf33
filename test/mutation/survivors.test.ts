/**
 * Twelve plausible bugs were planted one at a time and the suite stayed green (issue 15). Each
 * describe below names the bug it catches; every test was seen failing with the bug planted.
 */
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { claimsOf } from '../../src/extract/claims.js';
import { extractRequirements } from '../../src/extract/index.js';
import { claimWordsFor } from '../../src/extract/lexicons/index.js';
import { renderHtml, type Page } from '../../src/guide/page.js';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { BuildCache } from '../../src/kb/cache.js';
import type { LintResult } from '../../src/lint/types.js';
import { WaiverSet } from '../../src/lint/waivers.js';
import { parseString } from '../../src/parse/index.js';
import { firewallPolicy, outboundTcp } from '../../src/rollout/readers/firewall.js';
import type { PolEntry } from '../../src/rollout/readers/registry-pol.js';
import type { Waiver } from '../../src/rollout/types.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { PROJECT } from '../shared.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-mut-'));

/** Run the CLI in this process (so coverage and mutants see it), capturing its output. */
async function kblint(args: string[], cwd = PROJECT) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, cwd });
  return { code, out, err };
}

const article = (body: string) =>
  `---\nTitle: 'Test'\nms:assetid: '12345678-0000-0000-0000-000000000000'\nms:mtpsurl: 'https://technet.microsoft.com/nl-nl/library/Cc000000(v=WS.10).aspx'\n---\n\nTest\n====\n\n${body}\n`;
const requirementsOf = (body: string) =>
  extractRequirements(parseString(article(body), 'test.md'), { locale: 'nl-NL', doc: '12345678-0000-0000-0000-000000000000' });
const privilegeOf = (sentence: string, notNeeded = false, locale = 'nl-NL') =>
  claimsOf(sentence, notNeeded, { previousPorts: [] }, claimWordsFor(locale)).find((c) => c.kind === 'privilege');

describe("extract/claims.ts: a negation before the admin words makes the claim 'none'", () => {
  it.each([
    ['nl-NL', 'De gebruiker heeft geen lokale beheerdersrechten op de computer.', 'none'],
    ['nl-NL', 'De gebruiker heeft lokale beheerdersrechten op de computer.', 'local-admin'],
    ['en-US', 'The user does not have local administrator rights.', 'none'],
    ['de-DE', 'Der Benutzer hat keine lokaler Administrator Rechte.', 'none'],
    ['en-US', 'The user has local administrator rights.', 'local-admin'],
  ])('%s: %s → %s', (locale, sentence, value) => {
    expect(privilegeOf(sentence, false, locale)).toEqual({ kind: 'privilege', value });
  });

  it('reads "geen … nodig" in an article as privilege none, level may', () => {
    const [r] = requirementsOf('De gebruiker heeft geen beheerdersbevoegdheden nodig.');
    expect(r).toMatchObject({ level: 'may', claims: [{ kind: 'privilege', value: 'none' }] });
  });
});

describe('extract/claims.ts: a not-needed verdict turns the privilege claim around', () => {
  it('with no negation word before the admin words, only the verdict says none', () => {
    const sentence = 'Voor deze stap zijn lokale beheerdersrechten overbodig.';
    expect(privilegeOf(sentence, false)).toEqual({ kind: 'privilege', value: 'local-admin' });
    expect(privilegeOf(sentence, true)).toEqual({ kind: 'privilege', value: 'none' });
  });

  it('in an article: "… hoeven … niet" with the admin words first is privilege none', () => {
    const [r] = requirementsOf('Lokale beheerdersrechten hoeven de gebruikers hiervoor niet te hebben.');
    expect(r).toMatchObject({ level: 'may', claims: [{ kind: 'privilege', value: 'none' }] });
  });
});

describe('extract/modality.ts: a procedure step without a modal or imperative is an instruction (must)', () => {
  it('levels the step must, and the same sentence as prose info', () => {
    const sentence = 'Windows Update op alle computers inschakelen.';
    const steps = requirementsOf(`Zo gaat u te werk:\n\n1. ${sentence}\n`);
    expect(steps.map((r) => [r.level, r.quote])).toEqual([['must', sentence]]);
    expect(requirementsOf(sentence).map((r) => [r.level, r.quote])).toEqual([['info', sentence]]);
  });
});

const waiver = (target: string, expires: string, rule = 'some-rule'): Waiver => ({
  rule,
  target,
  reason: 'known',
  expires,
  location: { file: 'w.yaml', line: 1, column: 1 },
});

describe('lint/waivers.ts: expiry boundaries and patterns', () => {
  it.each([
    ['2026-11-23', 'expired', undefined],
    ['2026-11-24', 'active', 'known'],
    ['2026-11-25', 'active', 'known'],
  ])('a waiver expiring %s is %s on 2026-11-24', (expires, status, reason) => {
    const set = new WaiverSet([waiver('PC-1', expires)], '2026-11-24');
    expect(set.match('some-rule', 'PC-1', 'g')?.reason).toBe(reason);
    expect(set.report()).toMatchObject([{ status, matched: 1 }]);
  });

  it('matches a target or a group by pattern, case-insensitively, with * and ?', () => {
    const set = new WaiverSet([waiver('fin*', '2099-01-01'), waiver('LAB-?', '2099-01-01', '*')], '2026-11-24');
    expect(set.match('some-rule', 'PC-7', 'finance')?.target).toBe('fin*');
    expect(set.match('some-rule', 'FIN-001', 'sales')?.target).toBe('fin*');
    expect(set.match('other-rule', 'lab-3', 'x')?.target).toBe('LAB-?');
    expect(set.match('other-rule', 'lab-30', 'x')).toBeUndefined();
    expect(set.match('other-rule', 'PC-7', 'finance')).toBeUndefined();
    expect(set.match('some-rule', 'xfin', 'sales')).toBeUndefined();
    expect(set.report().map((r) => [r.target, r.status, r.matched])).toEqual([
      ['fin*', 'active', 2],
      ['LAB-?', 'active', 1],
    ]);
  });

  it('takes regex characters in a pattern literally', () => {
    const set = new WaiverSet([waiver('a.b(1)', '2099-01-01')], '2026-11-24');
    expect(set.match('some-rule', 'a.b(1)', 'g')).toBeDefined();
    expect(set.match('some-rule', 'axb(1)', 'g')).toBeUndefined();
  });

  it('reports a waiver that matched nothing as unmatched', () => {
    const set = new WaiverSet([waiver('nobody', '2099-01-01')], '2026-11-24');
    expect(set.match('some-rule', 'PC-1', 'g')).toBeUndefined();
    expect(set.report()).toMatchObject([{ status: 'unmatched', matched: 0 }]);
  });
});

describe('cli/commands/check.ts: waived findings do not count toward exit 1', () => {
  it('exits 0 when every finding is waived, and 1 without the waivers', async () => {
    const dir = tmp();
    const waivers = join(dir, 'all.yaml');
    writeFileSync(waivers, "waivers:\n  - rule: '*'\n    target: '*'\n    reason: accepted risk\n    expires: '2026-12-31'\n");
    const today = ['--today', '2026-11-24'];
    expect((await kblint(['check', 'examples/violating.yaml', ...today])).code).toBe(1);
    const waived = await kblint(['check', 'examples/violating.yaml', '--waivers', waivers, '--format', 'json', ...today]);
    expect(waived.err).toBe('');
    expect(waived.code).toBe(0);
    const result = JSON.parse(waived.out) as LintResult;
    expect(result.findings.length).toBe(result.summary.suppressed);
    expect(result.findings.filter((f) => !f.suppressed)).toEqual([]);
    expect(result.findings.filter((f) => f.suppressed?.reason === 'accepted risk')).toHaveLength(result.findings.length - 1); // one the manifest waives itself
    // The day after it expires, the waiver no longer suppresses.
    expect((await kblint(['check', 'examples/violating.yaml', '--waivers', waivers, '--today', '2027-01-01'])).code).toBe(1);
  });
});

describe('report/sarif.ts: relatedLocations point at the documentation passage', () => {
  it('gives the article line and column, not the config location', async () => {
    const r = await kblint(['check', 'examples/violating.yaml', '--format', 'sarif', '--today', '2026-11-24']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out) as { runs: { results: { ruleId: string; locations: unknown[]; relatedLocations: unknown[] }[] }[] };
    const result = log.runs[0]!.results.find((x) => x.ruleId === 'windows-update-needs-local-admin')!;
    expect(result.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'examples/violating.yaml' }, region: { startLine: 29, startColumn: 30 } },
    });
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.' },
        physicalLocation: {
          artifactLocation: { uri: 'content/nl-nl/18113913.md' },
          region: {
            startLine: 26,
            startColumn: 1,
            snippet: { text: 'Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.' },
          },
        },
      },
    ]);
  });
});

describe('util/atomic.ts: readers see the old file or the new, never a partial one', () => {
  it('leaves a reader of the old file its whole old content, and no temporary file behind', async () => {
    const dir = tmp();
    const target = join(dir, 'report.json');
    const old = 'x'.repeat(100_000);
    writeFileSync(target, old);
    const fd = openSync(target, 'r');
    try {
      await writeFileAtomic(target, 'new');
      // A write in place would truncate the file under the reader.
      const buf = Buffer.alloc(old.length + 10);
      expect(readSync(fd, buf, 0, buf.length, 0)).toBe(old.length);
      expect(buf.subarray(0, old.length).toString()).toBe(old);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('keeps the old file and removes its temporary file when the write fails', async () => {
    const dir = tmp();
    const target = join(dir, 'out');
    mkdirSync(target); // renaming a file onto a folder fails
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

describe('guide/page.ts: the sanitizer removes scripts, handlers and javascript: URLs', () => {
  const page = (figure: ReturnType<typeof h>): Page => ({ file: 'x', title: 'T', blocks: [{ figure, caption: 'c' }] });
  const html = (figure: ReturnType<typeof h>) => renderHtml(page(figure), { locale: 'en', home: 'index.html' });

  it('drops a <script> element', () => {
    const out = html(h('div', [h('script', 'window.__pwned=1'), 'text']));
    expect(out).not.toContain('<script');
    expect(out).not.toContain('__pwned');
    expect(out).toContain('<figure><div>text</div><figcaption>c</figcaption></figure>');
  });

  it('drops an onerror attribute', () => {
    const out = html(h('img', { src: 'chart.png', alt: 'chart', onerror: 'window.__pwned=2' }));
    expect(out).not.toContain('onerror');
    expect(out).toContain('<img src="chart.png" alt="chart">');
  });

  it('drops a javascript: href and keeps an https: one', () => {
    const out = html(h('p', [h('a', { href: 'javascript:window.__pwned=3' }, 'bad'), h('a', { href: 'https://example.com/' }, 'good')]));
    expect(out).not.toContain('javascript:');
    expect(out).toContain('<a>bad</a>');
    expect(out).toContain('<a href="https://example.com/">good</a>');
  });

  it('shows a javascript: link in an article as text', () => {
    const out = renderHtml(
      { file: 'x', title: 'T', blocks: [{ p: [{ link: 'JavaScript:alert(1)', text: 'click' }, '<script>alert(2)</script>'] }] },
      { locale: 'en', home: 'index.html' },
    );
    expect(out).toContain('<p><span>click</span>&#x3C;script>alert(2)&#x3C;/script></p>');
  });
});

const pol = (key: string, value: string, data: number | string): PolEntry => ({ key, value, type: typeof data === 'number' ? 4 : 1, data, offset: 0 });

describe('rollout/readers/firewall.ts: a disabled domain-profile firewall lets everything out', () => {
  const blockAll = pol('Software\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules', '{block}', 'v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=443|Name=block|');
  const blockDefault = pol('Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', 'DefaultOutboundAction', 1);

  it('is reachable when EnableFirewall is 0, despite a block rule and a block default', () => {
    const off = firewallPolicy([pol('Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', 'EnableFirewall', 0), blockDefault, blockAll])!;
    expect(outboundTcp(off, 443)).toEqual({ port: 443, verdict: 'reachable', reachable: true });
    expect(outboundTcp(off, 80)).toEqual({ port: 80, verdict: 'reachable', reachable: true });
  });

  it('is not reachable with the same policy and the firewall on', () => {
    const on = firewallPolicy([pol('Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', 'EnableFirewall', 1), blockDefault, blockAll])!;
    expect(outboundTcp(on, 443)).toMatchObject({ reachable: false, because: blockAll });
    expect(outboundTcp(on, 80)).toMatchObject({ reachable: false, because: blockDefault });
  });
});

describe('kb/cache.ts: the cache key includes the file name', () => {
  it('gives different keys for the same bytes under different names, and for different bytes', () => {
    const bytes = new TextEncoder().encode('same');
    expect(BuildCache.key('a.md', bytes)).not.toBe(BuildCache.key('b.md', bytes));
    expect(BuildCache.key('a.md', bytes)).not.toBe(BuildCache.key('a.md', new TextEncoder().encode('other')));
    expect(BuildCache.key('a.md', bytes)).toBe(BuildCache.key('a.md', new TextEncoder().encode('same')));
  });

  it('names the file that was built, not one with the same bytes cached earlier', async () => {
    const root = tmp();
    const cacheDir = join(root, 'cache');
    for (const name of ['one', 'two']) {
      mkdirSync(join(root, name, 'nl-nl'), { recursive: true });
      writeFileSync(join(root, name, 'nl-nl', `${name}.md`), article('U moet de client installeren.'));
    }
    const first = await buildKnowledgeBase([join(root, 'one')], { cwd: root, cacheDir, workers: 0 });
    expect(first.kb.documents.map((d) => d.file)).toEqual(['one/nl-nl/one.md']);
    const second = await buildKnowledgeBase([join(root, 'two')], { cwd: root, cacheDir, workers: 0 });
    expect(second.stats).toEqual({ files: 1, cached: 0, built: 1 });
    expect(second.kb.documents.map((d) => d.file)).toEqual(['two/nl-nl/two.md']);
    expect(second.kb.requirements.map((r) => r.source.file)).toEqual(['two/nl-nl/two.md']);
  });
});
