import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../shared.js';

const kblint = (args: string[]) => spawnSync(process.execPath, [join(PROJECT, 'dist/cli/bin.js'), ...args], { cwd: PROJECT, encoding: 'utf8' });
/** The text of a page's main part, tags replaced by line breaks. */
const text = (html: string) => html.replace(/<style>[^]*?<\/style>/, '').replace(/<svg[^]*?<\/svg>/, '').replace(/<[^>]+>/g, '\n').replace(/\n+/g, '\n');

describe('the HTML report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kblint-report-'));
  // Windows Update on XP, with nothing said about the installing user, activation or the network.
  const manifest = join(dir, 'kiosks.yaml');
  writeFileSync(manifest, 'groups:\n  - name: kiosks\n    computers: [KIO-01, KIO-02, KIO-03]\n    os: { name: Windows XP, version: "5.1" }\n    method: windows-update\n');

  it.each([
    ['en', 'kblint: no problems (0 errors, 0 warnings) in 3 targets, 9 checks not checked; html → OUT', '3 computers, no findings, none waived, 3 computers not checked.', 'KIO-01, KIO-02, and KIO-03 (3 computers): the plan does not say whether the installing user is a local administrator.'],
    ['nl', 'kblint: geen problemen (0 fouten, 0 waarschuwingen) in 3 doelen, 9 controles niet uitgevoerd; html → OUT', '3 computers, geen bevindingen, geen uitgezonderd, 3 computers niet gecontroleerd.', 'KIO-01, KIO-02 en KIO-03 (3 computers): het plan zegt niet of de gebruiker die installeert lokale beheerder is.'],
  ])('names the %s computers it could not check, and why, and says where it wrote the report', (locale, line, summary, item) => {
    const out = join(dir, `kiosks-${locale}.html`);
    const r = kblint(['check', manifest, '--format', 'html', '--locale', locale, '--output', out]);
    expect(r.status, r.stderr).toBe(0);
    // The one summary line every run to files prints: totals, what was not checked, where each report went.
    expect(r.stdout).toBe(`${line.replace('OUT', out)}\n`);
    const page = text(readFileSync(out, 'utf8'));
    expect(page).toContain(`\n${summary}\n`);
    expect(page).toContain(`\n${item}\n`);
  });

  it.each([
    ['en', '2 computers do not comply: FIN-001 and FIN-002.', '3 computers do not comply: SAL-001, SAL-002, and SAL-003.'],
    ['nl', '2 computers voldoen niet: FIN-001 en FIN-002.', '3 computers voldoen niet: SAL-001, SAL-002 en SAL-003.'],
  ])('counts and lists failing computers in %s with plural grammar', (locale, two, three) => {
    const out = join(dir, `violating-${locale}.html`);
    expect(kblint(['check', 'examples/violating.yaml', '--format', 'html', '--locale', locale, '--output', out]).status).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(text(html)).toContain(`\n${two}\n`);
    expect(text(html)).toContain(`\n${three}\n`);
    // Drawn about as wide as a phone, so that its 14 px labels stay readable there.
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 360 \d+" width="360"/);
    expect([...html.matchAll(/font-size="(\d+)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['14']));
    expect([...html.matchAll(/font-size="(\d+)"/g)].filter((m) => m[1] !== '14')).toEqual([]);
  });
});
