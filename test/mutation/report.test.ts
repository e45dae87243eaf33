/**
 * src/report formatters called directly on a small lint result built here, for the cases the
 * examples never reach: colour, escaping, stale rules, info severity, empty runs.
 */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/kb/index.js';
import { compileRules, loadRules } from '../../src/lint/index.js';
import type { CompiledRule, Finding, LintResult, Severity } from '../../src/lint/types.js';
import { github } from '../../src/report/github.js';
import { html } from '../../src/report/html.js';
import { json } from '../../src/report/json.js';
import { junit } from '../../src/report/junit.js';
import { sarif } from '../../src/report/sarif.js';
import { stylish } from '../../src/report/stylish.js';
import type { ReportContext } from '../../src/report/types.js';
import { PROJECT } from '../shared.js';

const { kb } = await buildKnowledgeBase([`${PROJECT}content`], { cwd: PROJECT, workers: 0 });
const { compiled } = compileRules(await loadRules(), kb);
const rule = compiled.find((r) => r.spec.id === 'windows-update-needs-local-admin')!;

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: rule.spec.id,
  severity: 'error',
  message: 'PC-1 is wrong',
  fix: 'Fix it.',
  target: 'PC-1',
  group: 'sales',
  location: { file: 'dir with space\\r.yaml', line: 3, column: 5 },
  requirement: {
    id: rule.requirement.id,
    doc: rule.requirement.doc,
    locale: rule.requirement.locale,
    section: rule.requirement.section,
    quote: 'A quote.',
    source: { file: 'content/a.md', line: 26, column: 7 },
    hash: rule.requirement.hash,
  },
  ...over,
});

const result = (findings: Finding[], over: Partial<LintResult> = {}): LintResult => ({
  rollout: 'r.yaml',
  findings,
  outcomes: [],
  summary: { pass: 1, fail: findings.length, notapplicable: 0, notchecked: 0, error: 0, targets: 2, rules: 1, suppressed: findings.filter((f) => f.suppressed).length },
  waivers: [],
  stale: [],
  ...over,
});
const ctx = (over: Partial<ReportContext> = {}): ReportContext => ({ locale: 'en', rules: [rule], color: false, version: '9.9.9', ...over });
const sev = (severity: Severity, target: string) => finding({ severity, target, message: `${target} is wrong` });
const stale = [{ rule: 'gone-rule', file: 'rules/gone.yaml', requirement: 'x/y', reason: 'requirement x/y is gone' }];

describe('stylish', () => {
  it('counts errors and warnings, singular and plural, and leaves info out of both', () => {
    const one = stylish(result([sev('error', 'A')]), ctx()).trimEnd().split('\n');
    expect(one.slice(-2)).toEqual(['✖ 1 problem (1 error, 0 warnings)', '2 targets × 1 rule: 1 pass, 1 fail, 0 not applicable, 0 not checked, 0 error; 0 suppressed by waivers']);
    const mixed = stylish(result([sev('error', 'A'), sev('warning', 'B'), sev('warning', 'C'), sev('info', 'D')]), ctx()).split('\n');
    expect(mixed).toContain('✖ 4 problems (1 error, 2 warnings)');
    expect(mixed).toContain('  3:5  info  D is wrong  windows-update-needs-local-admin');
    // Two warnings of one rule at one place are one entry that lists both computers.
    expect(mixed).toContain('  3:5  warning  B (+1 more) is wrong  windows-update-needs-local-admin');
    expect(mixed).toContain('      2 computers: B and C');
    expect(stylish(result([]), ctx()).split('\n')[0]).toBe('✔ no problems (0 errors, 0 warnings)');
  });

  it('paints in colour only when asked', () => {
    const text = stylish(result([sev('error', 'A'), sev('warning', 'B')]), ctx({ color: true }));
    expect(text.split('\n').slice(0, 2)).toEqual([
      '\x1b[1mdir with space\\r.yaml\x1b[0m',
      '  3:5  \x1b[31merror\x1b[0m  A is wrong  \x1b[2mwindows-update-needs-local-admin\x1b[0m',
    ]);
    expect(text).toContain('  3:5  \x1b[33mwarning\x1b[0m  B is wrong');
    expect(text).toContain('\x1b[1m\x1b[31m✖ 2 problems (1 error, 1 warning)\x1b[0m\x1b[0m');
    // Config text cannot paint: an escape sequence in a name is shown, not run.
    expect(stylish(result([sev('error', 'X\x1b[2J')]), ctx())).toContain('X\\x1B[2J is wrong');
    expect(stylish(result([sev('error', 'A')]), ctx())).not.toContain('\x1b[');
  });

  it('groups by file, shows where in an artifact, joins a multi-line quote, leaves waived findings out', () => {
    const f1 = finding({ location: { file: 'b.yaml', line: 1, column: 1, detail: 'Registry.pol DefaultOutboundAction' } });
    const f2 = finding({ location: { file: 'a.yaml', line: 2, column: 2 }, requirement: { ...finding().requirement, quote: 'line one\n   line two' } });
    const f3 = finding({ location: { file: 'b.yaml', line: 9, column: 9 } });
    const waived = finding({ target: 'W', suppressed: { reason: 'r', expires: '2099-01-01', location: { file: 'w', line: 1, column: 1 } } });
    const lines = stylish(result([f1, f2, f3, waived]), ctx()).split('\n');
    expect(lines.slice(0, 13)).toEqual([
      'b.yaml',
      '  1:1  error  PC-1 is wrong  windows-update-needs-local-admin',
      '      at: Registry.pol DefaultOutboundAction',
      '      fix: Fix it.',
      '      source: content/a.md:26 "A quote."',
      '  9:9  error  PC-1 is wrong  windows-update-needs-local-admin',
      '      fix: Fix it.',
      '      source: content/a.md:26 "A quote."',
      '',
      'a.yaml',
      '  2:2  error  PC-1 is wrong  windows-update-needs-local-admin',
      '      fix: Fix it.',
      '      source: content/a.md:26 "line one ⏎ line two"',
    ]);
    expect(lines).toContain('✖ 3 problems (3 errors, 0 warnings)');
  });

  it('reports stale rules and expired or unmatched waivers, in Dutch too', () => {
    const w = { rule: 'r', target: 'T*', reason: 'x', expires: '2020-01-01', location: { file: 'w.yaml', line: 4, column: 5 }, matched: 0 };
    const text = stylish(
      result([finding()], { stale, waivers: [{ ...w, status: 'expired' }, { ...w, status: 'unmatched' }, { ...w, status: 'active' }] }),
      ctx({ locale: 'nl' }),
    ).split('\n');
    expect(text).toContain('verouderde regel gone-rule: requirement x/y is gone');
    expect(text).toContain('w.yaml:4:5  uitzondering voor r op T* is verlopen op 2020-01-01; ze geldt niet meer');
    expect(text).toContain('w.yaml:4:5  uitzondering voor r op T* past op niets');
    expect(text.filter((l) => l.startsWith('w.yaml'))).toHaveLength(2);
    expect(text).toContain('      oplossing: Fix it.');
    expect(text).toContain('      bron: content/a.md:26 "A quote."');
    expect(text).toContain('✖ 1 probleem (1 fout, 0 waarschuwingen)');
  });
});

describe('github', () => {
  it('escapes data and properties, maps info to notice, and adds stale rules', () => {
    const f = finding({ severity: 'info', message: '100% bad\r\nnext', location: { file: 'a:b,c.yaml', line: 1, column: 2 } });
    expect(github(result([f, sev('warning', 'B')], { stale }), ctx()).split('\n')).toEqual([
      '::error title=kblint stale rule gone-rule::requirement x/y is gone',
      '::warning file=dir with space\\r.yaml,line=3,col=5,title=kblint windows-update-needs-local-admin::B is wrong%0Afix: Fix it.%0Asource: content/a.md:26: "A quote."',
      '::notice file=a%3Ab%2Cc.yaml,line=1,col=2,title=kblint windows-update-needs-local-admin::100%25 bad%0Anext%0Afix: Fix it.%0Asource: content/a.md:26: "A quote."',
      '',
    ]);
    expect(github(result([]), ctx())).toBe('');
    expect(github(result([finding({ suppressed: { reason: 'r', expires: 'e', location: { file: 'w', line: 1, column: 1 } } })]), ctx())).toBe('');
  });
});

describe('junit', () => {
  it('escapes XML and drops control characters; a notchecked outcome is skipped with its reason', () => {
    const f = finding({ target: 'A&B', message: '<x> "q" \u0001', fix: 'f' });
    const xml = junit(
      result([f], {
        outcomes: [
          { rule: rule.spec.id, target: 'OK-1', group: 'g', outcome: 'pass' },
          { rule: rule.spec.id, target: 'NC-1', group: 'g', outcome: 'notchecked', reason: 'unknown: method' },
          { rule: rule.spec.id, target: 'NC-2', group: 'g', outcome: 'notchecked' },
          { rule: rule.spec.id, target: 'NA-1', group: 'g', outcome: 'notapplicable', reason: 'x' },
        ],
        summary: { pass: 1, fail: 1, notapplicable: 1, notchecked: 2, error: 0, targets: 4, rules: 1, suppressed: 0 },
      }),
      ctx(),
    );
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kblint" tests="4" failures="1" errors="0">',
        '  <testsuite name="windows-update-needs-local-admin" tests="4" failures="1" errors="0" skipped="2">',
        '    <testcase classname="windows-update-needs-local-admin" name="dir with space\\r.yaml:3:5 1 computer: A&amp;B"><failure message="&lt;x&gt; &quot;q&quot; " type="error">dir with space\\r.yaml:3:5\n1 computer: A&amp;B\nfix: f\nsource: content/a.md:26: A quote.</failure></testcase>',
        '    <testcase classname="windows-update-needs-local-admin" name="g: 1 computer: OK-1"></testcase>',
        '    <testcase classname="windows-update-needs-local-admin" name="g: 1 computer: NC-1"><skipped message="unknown: method"/></testcase>',
        '    <testcase classname="windows-update-needs-local-admin" name="g: 1 computer: NC-2"><skipped message="not checked"/></testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty suite for a rule with no outcomes', () => {
    expect(junit(result([], { summary: { ...result([]).summary, pass: 0 } }), ctx())).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kblint" tests="0" failures="0" errors="0">\n  <testsuite name="windows-update-needs-local-admin" tests="0" failures="0" errors="0" skipped="0">\n  </testsuite>\n</testsuites>\n',
    );
  });
});

describe('sarif', () => {
  type Log = {
    runs: {
      tool: { driver: { version: string; rules: Record<string, unknown>[] } };
      results: Record<string, unknown>[];
      invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
    }[];
  };
  const log = (r: LintResult, c = ctx()) => JSON.parse(sarif(r, c)) as Log;

  it('describes each rule with its quote, fix and source', () => {
    const [d] = log(result([])).runs[0]!.tool.driver.rules;
    expect(d).toMatchObject({
      id: 'windows-update-needs-local-admin',
      name: 'WindowsUpdateNeedsLocalAdmin',
      shortDescription: { text: 'Installing the RMS client through Windows Update requires the installing user to be a local administrator.' },
      fullDescription: { text: `Installing the RMS client through Windows Update requires the installing user to be a local administrator. "${rule.requirement.quote}"` },
      help: { text: `Use Group Policy or a computer startup script for users without local administrator rights.\ncontent/nl-nl/18113913.md:26: ${rule.requirement.quote}` },
      defaultConfiguration: { level: 'error' },
      properties: { requirement: '4b8dd930/windows-update-gebruiken/privilege', requirementHash: rule.requirement.hash, documentLocale: 'nl-NL' },
    });
    // The help link is the cited article's own address, absent when the knowledge base has none (never a guessed URL).
    expect(d).not.toHaveProperty('helpUri');
    const withUrl = log(result([]), ctx({ documentUrls: { [rule.requirement.doc]: 'https://technet.microsoft.com/nl-nl/library/Cc720266(v=WS.10)' } }));
    expect(withUrl.runs[0]!.tool.driver.rules[0]!.helpUri).toBe('https://technet.microsoft.com/nl-nl/library/Cc720266(v=WS.10)');
    expect(log(result([])).runs[0]!.tool.driver.version).toBe('9.9.9');
  });

  it('encodes paths as URIs, levels info as note, and indexes unknown rules as -1', () => {
    const [a, b] = log(result([sev('info', 'A'), finding({ rule: 'not-loaded' })])).runs[0]!.results;
    expect(a).toMatchObject({
      ruleId: 'windows-update-needs-local-admin',
      ruleIndex: 0,
      level: 'note',
      message: { text: 'A is wrong' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'dir%20with%20space/r.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 3, startColumn: 5 } } }],
      partialFingerprints: { 'kblintFinding/v1': expect.stringMatching(/^[0-9a-f]{32}:1$/) },
      properties: { targetCount: 1, targets: ['A'], groups: ['sales'], requirement: '4b8dd930/windows-update-gebruiken/privilege', fix: 'Fix it.' },
    });
    expect(a).not.toHaveProperty('suppressions');
    expect(b).toMatchObject({ ruleId: 'not-loaded', ruleIndex: -1, level: 'error' });
  });

  it('marks a run with stale rules as not successful, with a notification per rule', () => {
    expect(log(result([], { stale })).runs[0]!.invocations).toEqual([
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'Stale rule gone-rule: requirement x/y is gone' } }] },
    ]);
  });
});

describe('json and html', () => {
  it('json is the whole result', () => {
    const r = result([finding()]);
    expect(JSON.parse(json(r, ctx()))).toEqual(r);
  });

  it('html: a clean run says so; a long group name is cut in the chart; a waived finding says until when', () => {
    const clean = html(result([], { outcomes: [{ rule: rule.spec.id, target: 'A', group: 'g', outcome: 'pass' }] }), ctx());
    expect(clean).toContain('<p>No findings.</p>');
    expect(clean).toContain('<a href="site/en/index.html">');
    expect(clean).not.toContain('Generated on');
    const group = 'a-very-long-group-name-that-goes-on';
    const waived = finding({ group, target: 'W-1', message: 'W-1 is wrong', suppressed: { reason: 'lab', expires: '2099-01-01', location: { file: 'w', line: 1, column: 1 } } });
    const open = finding({ group, target: 'O-1', message: 'O-1 is wrong' });
    const page = html(
      result([open, waived], {
        outcomes: [
          { rule: rule.spec.id, target: 'O-1', group, outcome: 'fail' },
          { rule: rule.spec.id, target: 'W-1', group, outcome: 'fail' },
          { rule: rule.spec.id, target: 'K-1', group, outcome: 'pass' },
        ],
      }),
      ctx({ guideBase: 'https://x/guide/', today: '2026-11-24', otherReport: { locale: 'nl', href: 'r-nl.html' } }),
    );
    // The chart gives a group name its own line: cut only past 40 characters.
    expect(page).toContain('>a-very-long-group-name-that-goes-on</text>');
    expect(page).toContain(`<title>${group}: 2 compliant</title>`);
    expect(page).toContain(`<title>${group}: 1 failing</title>`);
    expect(page).toContain('<p>Does not comply: O-1.</p>');
    expect(page).toContain('<code>dir with space\\r.yaml:3:5</code> O-1 is wrong</li>');
    expect(page).toContain('<li><code>dir with space\\r.yaml:3:5</code> W-1 is wrong — waived: lab (until 2099-01-01)</li>');
    expect(page).toContain('<a href="https://x/guide/rule-windows-update-needs-local-admin.html">Check windows-update-needs-local-admin</a> · Fix it.');
    expect(page).toContain('<p class="muted">Generated on November 24, 2026.</p>');
    expect(page).toContain('href="r-nl.html"');
    expect(page).toContain('2 computers, 1 finding, 1 waived, all checked.');
  });
});
