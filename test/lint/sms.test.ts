import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { LintResult } from '../../src/lint/types.js';
import { HAS_SHARED, PROJECT, SHARED } from '../shared.js';

// An SMS package whose program runs only while a user is logged on and without administrative
// rights: the documentation that prescribes otherwise makes findings at the .sms lines; the seed
// alone, which says nothing about SMS programs, makes none.
const check = async (manifest: string, content: string[], locale?: string) => {
  const args = ['check', manifest, '--format', 'json', '--today', '2026-11-24', ...content.flatMap((c) => ['--content', c]), ...(locale ? ['--locale', locale] : [])];
  let out = '';
  let err = '';
  await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, cwd: PROJECT });
  expect(err).toBe('');
  return JSON.parse(out) as LintResult;
};
const SMS_RULES = ['sms-program-runs-when-documented', 'sms-program-runs-with-admin-rights'];
const smsRows = (result: LintResult) =>
  result.findings.filter((f) => SMS_RULES.includes(f.rule)).map((f) => `${f.location.file.replace(/.*\//, '')}:${f.location.line} ${f.rule} ${f.target} ← ${f.requirement.locale} ${f.requirement.source.file.replace(/.*\//, '')}:${f.requirement.source.line}${Object.keys(f.requirement.translations ?? {}).map((l) => ` +${l}`).join('')}`);

const dir = mkdtempSync(join(tmpdir(), 'kblint-sms-'));
cpSync(`${PROJECT}examples/artifacts`, dir, { recursive: true });
const sms = readFileSync(join(dir, 'rms-client.sms'), 'utf8');
writeFileSync(join(dir, 'rms-client.sms'), sms.replace('CanRunWhen=AnyUserStatus', 'CanRunWhen=UserLoggedOn').replace('AdminRightsRequired=True', 'AdminRightsRequired=False'));
const manifest = join(dir, 'rollout.yaml');
const line = (key: string) => sms.split('\n').findIndex((l) => l.startsWith(key)) + 1;
const FIXTURES = `${PROJECT}test/lint/fixtures/sms-procedure`;

describe('an SMS program that runs only with a user logged on, without administrative rights', () => {
  it('gets no finding from the SMS rules against the seed alone', async () => {
    const result = await check(manifest, [`${PROJECT}content`]);
    expect(smsRows(result)).toEqual([]);
    expect(result.stale).toEqual([]);
  });

  // The procedure in nl and de is one requirement per sentence: one finding each, cited in the
  // run's locale (--locale), by default in the locale most articles are in (nl here), with the other beside it.
  it('fails at the .sms lines against a procedure that prescribes otherwise, in Dutch and German, once per requirement', async () => {
    const content = [`${PROJECT}content`, `${FIXTURES}/nl-nl`, `${FIXTURES}/de-de`];
    const result = await check(manifest, content);
    expect(smsRows(result)).toEqual([
      `rms-client.sms:${line('CanRunWhen')} sms-program-runs-when-documented KIOSK-01 ← nl-NL sms-instellen.md:18 +de-DE`,
      `rms-client.sms:${line('AdminRightsRequired')} sms-program-runs-with-admin-rights KIOSK-01 ← nl-NL sms-instellen.md:20 +de-DE`,
    ]);
    expect(result.findings.find((f) => f.rule === 'sms-program-runs-when-documented')!.fix).toBe('Set Program can run (CanRunWhen) to Whether or not a user is logged on (AnyUserStatus).');
    expect(smsRows(await check(manifest, content, 'de'))).toEqual([
      `rms-client.sms:${line('CanRunWhen')} sms-program-runs-when-documented KIOSK-01 ← de-DE sms-einrichten.md:18 +nl-NL`,
      `rms-client.sms:${line('AdminRightsRequired')} sms-program-runs-with-admin-rights KIOSK-01 ← de-DE sms-einrichten.md:20 +nl-NL`,
    ]);
  });

  it('passes once the program runs whether or not a user is logged on, with administrative rights', async () => {
    const ok = mkdtempSync(join(tmpdir(), 'kblint-sms-ok-'));
    cpSync(`${PROJECT}examples/artifacts`, ok, { recursive: true });
    const result = await check(join(ok, 'rollout.yaml'), [`${PROJECT}content`, `${FIXTURES}/nl-nl`, `${FIXTURES}/de-de`]);
    expect(smsRows(result)).toEqual([]);
    expect(result.outcomes.filter((o) => SMS_RULES.includes(o.rule) && o.target === 'KIOSK-01').map((o) => o.outcome)).toEqual(['pass', 'pass']);
  });

  // The RMS SP1 upgrade article (nl-nl and de-de, a562c4b0): installing the client with SMS or Group
  // Policy needs no administrator rights, which holds only when the SMS program has them.
  it.skipIf(!HAS_SHARED)('fails against the real SP1 upgrade article in nl and de', async () => {
    const articles = mkdtempSync(join(tmpdir(), 'kblint-sms-articles-'));
    for (const [locale, file] of [['nl-nl', '18114117.md'], ['de-de', '18118976.md']] as const) {
      mkdirSync(join(articles, locale));
      cpSync(`${SHARED}corpus/rms/${locale}/${file}`, join(articles, locale, file));
    }
    const content = [`${PROJECT}content`, join(articles, 'nl-nl'), join(articles, 'de-de')];
    const result = await check(manifest, content);
    expect(smsRows(result)).toEqual([`rms-client.sms:${line('AdminRightsRequired')} sms-program-runs-with-admin-rights KIOSK-01 ← nl-NL 18114117.md:65 +de-DE`]);
    expect(smsRows(await check(manifest, content, 'de-DE'))).toEqual([`rms-client.sms:${line('AdminRightsRequired')} sms-program-runs-with-admin-rights KIOSK-01 ← de-DE 18118976.md:59 +nl-NL`]);
    expect(result.stale).toEqual([]);
  });
});
