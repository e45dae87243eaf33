import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKblintError } from '../../src/errors.js';
import { parseBytes, parseString } from '../../src/parse/index.js';
import { readRollout } from '../../src/rollout/manifest.js';
import { readXml } from '../../src/rollout/readers/gpo.js';
import { parseIni } from '../../src/rollout/readers/ini.js';
import { readInventory } from '../../src/rollout/readers/inventory.js';
import { parseRegistryPol, REG, writeRegistryPol } from '../../src/rollout/readers/registry-pol.js';
import { scanScript } from '../../src/rollout/readers/script.js';
import { parseSmsPackage } from '../../src/rollout/readers/sms.js';
import { PROJECT } from '../shared.js';

/**
 * Property-based fuzzing (issue 12): whatever the bytes, kblint's readers either return a value or
 * throw a KblintError (which the CLI reports as file:line:col, exit 2) — never a TypeError, a
 * RangeError (stack overflow) or anything else. Seeded and bounded so `npm test` stays quick and
 * every run checks the same inputs; a failure prints the seed and the shrunk counterexample.
 */
const SEED = 20261125;
const RUNS = 150;

/** Only a KblintError may escape `f`. */
function onlyKblintErrors(f: () => unknown): boolean {
  try {
    f();
  } catch (e) {
    if (!isKblintError(e)) throw e;
  }
  return true;
}
async function onlyKblintErrorsAsync(f: () => Promise<unknown>): Promise<boolean> {
  try {
    await f();
  } catch (e) {
    if (!isKblintError(e)) throw e;
  }
  return true;
}

/** Text made of the pieces that drive each format's grammar, so random strings reach deep states. */
const textOf = (pieces: string[], maxLength = 120) => fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 }), fc.string({ maxLength: 2, unit: 'binary' })), { maxLength }).map((a) => a.join(''));

const MARKDOWN = ['\n', '\n\n', ' ', '  ', '    ', '>', '> ', '* ', '- ', '1. ', '*', '**', '_', '__', '`', '```', '~~~', '[', ']', '(', ')', '![', '](', '<', '>', '<!--', '-->', '<div>', '<table>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '<img src="a.note(WS.10).gif">', '|', '| --- |', '#', '## ', '---', '---\n', '...', ':', '&#', '&amp;', '\\', '[!NOTE]', 'title: x\n', 'ms:assetid: a\n', '\u00a0', '\ufeff', '\r\n', 'a', 'Klik op OK.', 'https://technet.microsoft.com/4b8dd930-4105-4e73-918c-12d2b05d5fb5'];
const SEED_ARTICLE = readFileSync(`${PROJECT}content/nl-nl/18113913.md`, 'utf8');

describe('fuzz: the article parser', () => {
  it('throws nothing but KblintError on markdown-shaped text', () => {
    fc.assert(fc.property(textOf(MARKDOWN), (body) => onlyKblintErrors(() => parseString(body, 'fuzz.md'))), { seed: SEED, numRuns: RUNS });
  });

  it('throws nothing but KblintError on a real article with random edits', () => {
    const edit = fc.tuple(fc.nat({ max: SEED_ARTICLE.length }), fc.nat({ max: 40 }), textOf(MARKDOWN, 20));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = SEED_ARTICLE;
        for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
        return onlyKblintErrors(() => parseString(text, 'edited.md'));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('throws nothing but KblintError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => onlyKblintErrors(() => parseBytes(bytes, 'bytes.md'))), { seed: SEED, numRuns: RUNS });
  });
});

describe('fuzz: the artifact readers', () => {
  it('Registry.pol: random bytes after a valid header, and random edits of a valid file', () => {
    const valid = writeRegistryPol([
      { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile', value: 'DefaultOutboundAction', type: REG.DWORD, data: 1 },
      { key: 'SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate', value: 'WUServer', type: REG.SZ, data: 'http://wsus' },
    ]);
    const header = valid.subarray(0, 8);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat({ max: valid.length }), (tail, flips, cut) => {
        const edited = Uint8Array.from(valid.subarray(0, cut));
        for (const [at, byte] of flips) if (at < edited.length) edited[at] = byte;
        return onlyKblintErrors(() => parseRegistryPol(Buffer.concat([header, tail]), 'registry.pol')) && onlyKblintErrors(() => parseRegistryPol(edited, 'registry.pol'));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  const INI = ['[', ']', '[Startup]', '[Package Definition]', '[Setup]', '\n', '\r\n', '=', 'Programs=Setup', 'CommandLine=msiexec /i RMSClient.msi /q', 'AdminRightsRequired=True', 'Name=RMS', '0CmdLine=install.cmd', '0Parameters=/q', ';', '#', ' ', ','];
  it('ini (scripts.ini) and SMS package definitions', () => {
    fc.assert(fc.property(textOf(INI), (text) => onlyKblintErrors(() => parseIni(text, 'scripts.ini')) && onlyKblintErrors(() => parseSmsPackage(text, 'rms.sms'))), { seed: SEED, numRuns: RUNS });
  });

  const SCRIPT = ['msiexec', ' /i ', ' /q', ' /quiet', 'RMSClient.msi', 'REBOOT=ReallySuppress', '"', "'", '\n', '\r\n', 'Get-FileHash', 'certutil -hashfile', 'signtool verify', '&', '|', '^', 'cmd /c ', 'start /wait ', ' '];
  it('install scripts', () => {
    fc.assert(fc.property(textOf(SCRIPT), (text) => onlyKblintErrors(() => scanScript(text))), { seed: SEED, numRuns: RUNS });
  });

  const XML = ['<?xml version="1.0"?>', '<GPO>', '</GPO>', '<LinksTo>', '</LinksTo>', '<SOMPath>', '</SOMPath>', 'contoso.com/Finance', '<', '>', '/>', '</', '"', '=', '&', '&lt;', '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE x>', 'xmlns:q="u"', '<q:Extension>', '\n'];
  it('gpreport.xml', () => {
    fc.assert(fc.property(textOf(XML), fc.boolean(), (text, utf16) => onlyKblintErrors(() => readXml(utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text), 'gpreport.xml'))), { seed: SEED, numRuns: RUNS });
  });

  const CSV = ['"', ',', '\n', '\r\n', '#TYPE x\n', 'Name', 'DistinguishedName', 'OperatingSystemVersion', 'LocalAdmin', '"CN=PC,OU=Finance,DC=contoso,DC=com"', '5.1 (2600)', '6.0', 'True', 'False', '""', ' '];
  it('inventory CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kblint-fuzz-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(textOf(CSV), fc.boolean(), async (text, utf16) => {
        const file = join(dir, `inv${n++}.csv`);
        writeFileSync(file, utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text));
        return onlyKblintErrorsAsync(async () => {
          for await (const computer of readInventory(file, 'inventory.csv')) void computer;
        });
      }),
      // A reader that never settles fails here with its counterexample instead of hanging the suite.
      { seed: SEED, numRuns: 40, timeout: 5000 },
    );
  });
});

describe('fuzz: the manifest loader', () => {
  const YAML_PIECES = ['groups:\n', '  - name: g\n', '    computers: [PC1, PC2]\n', '    os: { version: "6.0" }\n', '    method: group-policy\n', 'waivers:\n', '  - rule: "*"\n', '    target: "*"\n', '    reason: x\n', '    expires: 2030-01-01\n', '&a ', '*a ', '<<: *a\n', '__proto__: 1\n', 'constructor: {}\n', '{', '}', '[', ']', ':', '- ', '\n', '  ', '"', "'", '!!js/function x', '%YAML 1.2\n', '---\n', '...\n', '#'];
  it('throws nothing but KblintError on YAML-shaped text', () => {
    fc.assert(fc.property(textOf(YAML_PIECES), (text) => onlyKblintErrors(() => readRollout(text, 'rollout.yaml'))), { seed: SEED, numRuns: RUNS });
  });
});

/**
 * Time linear in input size: each pathological shape from issue 12 at n and 8n, the best of three
 * runs each (five of the small one). Linear is about 8×, quadratic 64×; the bound is generous (24×) because the machine
 * is shared, and the small size is large enough (tens of ms) for the ratio to mean something.
 */
describe('time is roughly linear in input size', () => {
  const FM = '---\ntitle: x\n---\n\n';
  const best = (f: () => unknown, runs = 3) => Math.min(...Array.from({ length: runs }, () => {
    const t = performance.now();
    try {
      f();
    } catch (e) {
      if (!isKblintError(e)) throw e;
    }
    return performance.now() - t;
  }));
  it.each([
    ['< after <div> (200 KB in the issue)', (n: number) => `${FM}<div>${'<'.repeat(n)}\n`],
    ['repeated <!--', (n: number) => `${FM}<div>${'<!--'.repeat(n / 4)}\n`],
    ['repeated <tr>', (n: number) => `${FM}<table>${'<tr>'.repeat(n / 4)}\n`],
    ['repeated <table><tr><td> cells over many lines', (n: number) => `${FM}<table>\n${'<tr><td>x</td>\n'.repeat(n / 15)}</table>\n`],
    ['repeated <img in a table header', (n: number) => `${FM}<table><tr><th>${'<img '.repeat(n / 5)}</th></tr></table>\n`],
    ['unclosed ** openers', (n: number) => `${FM}${'**a '.repeat(n / 4)}\n`],
    ['nested > (refused)', (n: number) => `${FM}${'>'.repeat(n)} x\n`],
    ['nested list markers (refused)', (n: number) => `${FM}${'* '.repeat(n / 2)}x\n`],
    ['links that never close (refused)', (n: number) => `${FM}${'[a]('.repeat(n / 4)}\n`],
    ['a fence run of spaces', (n: number) => `${FM}\`\`\`\n${' '.repeat(n)}x\n`],
  ])('article: %s', (_, make) => {
    const small = 8_000;
    const [a, b] = [make(small), make(small * 8)];
    parseSafely(a);
    // A floor of 5 ms keeps timer noise on tiny times (a refused input) from making a ratio.
    // Five runs of the small input: a slowed denominator is what made this flaky under load.
    const ratio = Math.max(best(() => parseString(b, 'big.md')), 5) / Math.max(best(() => parseString(a, 'small.md'), 5), 5);
    expect(ratio).toBeLessThan(24);
  });

  function parseSafely(text: string): void {
    onlyKblintErrors(() => parseString(text, 'warm.md'));
  }
});
