import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { BUNDLED_RULES, lint, LOCALES, readWaiverFile, SEVERITIES, type Locale, type Severity } from '../../lint/index.js';
import { FORMATTERS } from '../../report/index.js';
import { readRolloutFile, rolloutFromArtifacts } from '../../rollout/manifest.js';
import { KblintError } from '../../errors.js';
import type { Rollout } from '../../rollout/types.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { checkInputFile, displayPath, readInputFile } from '../../util/files.js';
import { own } from '../../util/own.js';
import { kbInputs, kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command, ParsedOptions } from '../main.js';
import { usageError } from '../main.js';
import { prepareOutputFile, refuseInputAsOutput, type InputPath } from '../output.js';
import { compiledRules, localeOption, rulesOptions } from '../rules-source.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * `report-en.html` → `{ locale: 'nl', href: 'report-nl.html' }`: an HTML report whose file name
 * carries its locale links to the same report in the other one.
 */
function otherReport(output: string, locale: Locale): { otherReport: { locale: Locale; href: string } } | Record<string, never> {
  const name = basename(output);
  const other = LOCALES.find((l) => l !== locale);
  const pattern = new RegExp(`([-_.])${locale}(\\.html?)$`, 'i');
  if (!other || !pattern.test(name)) return {};
  return { otherReport: { locale: other, href: name.replace(pattern, `$1${other}$2`) } };
}

/** `--fail-on`: only `notchecked` for now (findings already fail through --max-severity). */
function failOnOption(options: ParsedOptions): boolean {
  if (options['fail-on'] === undefined) return false;
  if (options['fail-on'] === 'notchecked') return true;
  throw usageError(`--fail-on: expected notchecked; got '${String(options['fail-on'])}'`);
}

/** `--guide-url`: links in the HTML report may only be relative or http(s) (never `javascript:`). */
function guideUrlOption(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1];
  const hidden = /[\u0000-\u001f\u007f]/.test(value);
  if (hidden || (scheme !== undefined && !/^https?$/i.test(scheme)) || value.trim().startsWith('//') || value.trim().startsWith('\\')) {
    throw usageError(`--guide-url: expected a relative URL or an http(s) URL; got '${value.replace(/[\u0000-\u001f\u007f]/g, '?')}'`);
  }
  return value;
}

/** Every artifact file the rollout's facts came from (inventory, gpreport.xml, registry.pol, scripts, SMS). */
function artifactFiles(rollout: Rollout, cwd: string): InputPath[] {
  const files = new Set<string>();
  const seen = new Set<object>();
  for (const t of rollout.targets) {
    files.add(t.location.file);
    if (seen.has(t.sources)) continue;
    seen.add(t.sources);
    for (const loc of Object.values(t.sources)) files.add(loc.file);
  }
  return [...files].map((f) => ({ path: resolve(cwd, f) }));
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'lint a rollout manifest against the knowledge base and rules',
  usage: 'kblint check <rollout.yaml | gpo-backup-dir | inventory.csv> [--gpo dir] [--inventory file.csv] [--format stylish|json|sarif|junit|github|html] [--guide-url site/en/] [--locale en|nl] [--output file] [--max-severity error|warning|info] [--allow-stale] [--waivers .kblintignore.yaml] [--fail-on notchecked] [--kb kb.json] [--rules dir]',
  options: {
    ...kbOptions,
    ...rulesOptions,
    format: { type: 'string', short: 'f', default: 'stylish' },
    output: { type: 'string', short: 'o' },
    'max-severity': { type: 'string', default: 'error' },
    'allow-stale': { type: 'boolean' },
    waivers: { type: 'string' },
    gpo: { type: 'string' },
    'guide-url': { type: 'string' },
    inventory: { type: 'string' },
    today: { type: 'string' },
    'fail-on': { type: 'string' },
  },
  help: {
    format: 'stylish, json, sarif, junit, github or html',
    output: 'write the report to this file (atomically) instead of standard output',
    'max-severity': 'exit 1 when an unwaived finding is at or above this severity: error, warning or info',
    'allow-stale': 'go on when a rule cites a requirement that vanished or changed',
    waivers: 'waiver file (default: .kblintignore.yaml in the working folder, when present)',
    gpo: 'a GPO backup folder to read facts from (with an inventory CSV as the argument)',
    inventory: 'an AD inventory CSV to take computers from (with a GPO folder as the argument)',
    'guide-url': 'where the guidance pages are, for links from an HTML report: a relative or http(s) URL (default: site/<locale>/)',
    today: 'the date waivers expire against, YYYY-MM-DD (default: today)',
    'fail-on': 'notchecked: exit 1 when any check could not be made because a fact is unknown',
  },
  async run({ positionals, options, io }) {
    if (positionals.length !== 1) throw usageError('check needs one rollout manifest, GPO backup folder or inventory CSV: kblint check rollout.yaml');
    const format = String(options.format);
    const formatter = own(FORMATTERS, format);
    if (!formatter) throw usageError(`--format: expected one of ${Object.keys(FORMATTERS).join(', ')}; got '${format}'`);
    const threshold = String(options['max-severity']) as Severity;
    if (!SEVERITIES.includes(threshold)) throw usageError(`--max-severity: expected one of ${SEVERITIES.join(', ')}; got '${threshold}'`);
    const today = typeof options.today === 'string' ? options.today : new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw usageError(`--today: expected YYYY-MM-DD; got '${today}'`);
    const locale = localeOption(options);
    const failOn = failOnOption(options);
    const guideUrl = typeof options['guide-url'] === 'string' ? guideUrlOption(options['guide-url']) : undefined;
    const output = typeof options.output === 'string' ? resolve(io.cwd, options.output) : undefined;
    if (output) await prepareOutputFile(output, io.cwd);

    const kb = await loadKnowledgeBase(options, io);
    const { compiled, stale } = await compiledRules(options, io, kb);
    const manifest = resolve(io.cwd, positionals[0]!);
    // The firewall in a GPO backup is asked about the ports the documentation names.
    const ports = [...new Set(kb.requirements.flatMap((r) => r.claims.flatMap((c) => (c.kind === 'port' ? c.ports : []))))].sort((a, b) => a - b);
    const artifacts = { ports, cwd: io.cwd };
    const isDir = (await stat(manifest).catch(() => undefined))?.isDirectory() ?? false;
    if (!isDir) await checkInputFile(manifest, { what: 'a rollout manifest, GPO backup folder or inventory CSV', display: positionals[0]!, maxBytes: Infinity });
    const inventory = typeof options.inventory === 'string' ? options.inventory : /\.csv$/i.test(manifest) ? positionals[0] : undefined;
    const gpo = typeof options.gpo === 'string' ? options.gpo : isDir ? positionals[0] : undefined;
    const rollout =
      isDir || /\.csv$/i.test(manifest)
        ? await rolloutFromArtifacts({ ...(gpo ? { gpo } : {}), ...(inventory ? { inventory } : {}) }, artifacts)
        : await readRolloutFile(manifest, displayPath(manifest, io.cwd), artifacts);
    const waiverPath = typeof options.waivers === 'string' ? resolve(io.cwd, options.waivers) : resolve(io.cwd, '.kblintignore.yaml');
    const useWaivers = typeof options.waivers === 'string' || existsSync(waiverPath);
    if (useWaivers) {
      await readInputFile(waiverPath, { what: 'a waiver file', display: displayPath(waiverPath, io.cwd) });
      rollout.waivers.push(...(await readWaiverFile(waiverPath, displayPath(waiverPath, io.cwd))));
    }
    if (rollout.targets.length === 0) {
      throw new KblintError('no-targets', 'nothing to check: no computers were found (a group without computers, an inventory OU that matches none, or an inventory without the Name and OperatingSystemVersion columns); kblint never passes a rollout it did not see', { file: displayPath(manifest, io.cwd) });
    }
    const result = lint(rollout, compiled, { locale, today, stale, outcomes: format === 'json' || format === 'junit' || format === 'html' });
    const text = formatter(result, {
      locale,
      rules: compiled,
      color: io.isTTY && !options.output,
      version: version(),
      today,
      ...(guideUrl !== undefined ? { guideBase: guideUrl } : {}),
      ...(typeof options.output === 'string' ? otherReport(options.output, locale) : {}),
    });
    if (output) {
      const inputs: InputPath[] = [
        { path: manifest, folder: isDir },
        ...[inventory, gpo].filter((p): p is string => p !== undefined).map((p) => ({ path: resolve(io.cwd, p), folder: p === gpo })),
        ...(useWaivers ? [{ path: waiverPath }] : []),
        ...kbInputs(options, io),
        { path: typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES, folder: true },
        ...artifactFiles(rollout, io.cwd),
      ];
      await refuseInputAsOutput(output, inputs, 'file', io.cwd);
      await writeFileAtomic(output, text);
    } else io.out(text);
    const unchecked = result.summary.notchecked;
    if (unchecked > 0) {
      const checked = result.summary.pass + result.summary.fail;
      io.err(`kblint check: ${unchecked} check(s) could not be made (notchecked: a fact they need is unknown)${checked === 0 ? ', and none could: nothing was verified' : ''}${failOn ? '' : '; --fail-on notchecked makes this fail'}\n`);
    }

    if (stale.length && !options['allow-stale']) {
      for (const s of stale) io.err(`kblint check: stale rule ${s.rule} (${displayPath(s.file, io.cwd)}): ${s.reason}\n`);
      return 2;
    }
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    if (failOn && unchecked > 0) return 1;
    return result.findings.some((f) => !f.suppressed && rank(f.severity) >= rank(threshold)) ? 1 : 0;
  },
};
