import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { lint, LOCALES, readWaiverFile, SEVERITIES, type Locale, type Severity } from '../../lint/index.js';
import { FORMATTERS } from '../../report/index.js';
import { readRolloutInput } from '../../rollout/load.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { displayPath } from '../../util/files.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';
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

export const checkCommand: Command = {
  name: 'check',
  summary: 'lint a rollout manifest against the knowledge base and rules',
  usage: 'kblint check <rollout.yaml | gpo-backup-dir | inventory.csv> [--gpo dir] [--inventory file.csv] [--format stylish|json|sarif|junit|github|html] [--guide-url site/en/] [--locale en|nl] [--output file] [--max-severity error|warning|info] [--allow-stale] [--waivers .kblintignore.yaml] [--kb kb.json] [--rules dir]',
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
    'artifact-root': { type: 'string', multiple: true },
    today: { type: 'string' },
  },
  help: {
    format: 'stylish, json, sarif, junit, github or html',
    output: 'write the report to this file (atomically) instead of standard output',
    'max-severity': 'exit 1 when an unwaived finding is at or above this severity: error, warning or info',
    'allow-stale': 'go on when a rule cites a requirement that vanished or changed',
    waivers: 'waiver file (default: .kblintignore.yaml in the working folder, when present)',
    gpo: 'a GPO backup folder to read facts from (with an inventory CSV as the argument)',
    inventory: 'an AD inventory CSV to take computers from (with a GPO folder as the argument)',
    'guide-url': 'where the guidance pages are, for links from an HTML report (default: site/<locale>/)',
    today: 'the date waivers expire against, YYYY-MM-DD (default: today)',
    'artifact-root': "a folder outside the manifest's repository that its gpo:, sms: and inventory: may name (repeatable)",
  },
  async run({ positionals, options, io }) {
    if (positionals.length !== 1) throw usageError('check needs one rollout manifest, GPO backup folder or inventory CSV: kblint check rollout.yaml');
    const format = String(options.format);
    const formatter = FORMATTERS[format];
    if (!formatter) throw usageError(`--format: expected one of ${Object.keys(FORMATTERS).join(', ')}; got '${format}'`);
    const threshold = String(options['max-severity']) as Severity;
    if (!SEVERITIES.includes(threshold)) throw usageError(`--max-severity: expected one of ${SEVERITIES.join(', ')}; got '${threshold}'`);
    const today = typeof options.today === 'string' ? options.today : new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw usageError(`--today: expected YYYY-MM-DD; got '${today}'`);
    const locale = localeOption(options);

    const kb = await loadKnowledgeBase(options, io);
    const { compiled, stale } = await compiledRules(options, io, kb);
    // The firewall in a GPO backup is asked about the ports the documentation names.
    const ports = [...new Set(kb.requirements.flatMap((r) => r.claims.flatMap((c) => (c.kind === 'port' ? c.ports : []))))].sort((a, b) => a - b);
    const roots = Array.isArray(options['artifact-root']) ? options['artifact-root'] : [];
    const rollout = await readRolloutInput(positionals[0]!, {
      ports,
      cwd: io.cwd,
      artifactRoots: roots,
      ...(typeof options.gpo === 'string' ? { gpo: options.gpo } : {}),
      ...(typeof options.inventory === 'string' ? { inventory: options.inventory } : {}),
    });
    for (const w of rollout.warnings ?? []) io.err(`kblint check: warning: ${w.location.file}:${w.location.line}: ${w.message}\n`);
    const waiverPath = typeof options.waivers === 'string' ? resolve(io.cwd, options.waivers) : resolve(io.cwd, '.kblintignore.yaml');
    if (typeof options.waivers === 'string' || existsSync(waiverPath)) {
      rollout.waivers.push(...(await readWaiverFile(waiverPath, displayPath(waiverPath, io.cwd))));
    }
    const result = lint(rollout, compiled, { locale, today, stale, outcomes: format === 'json' || format === 'junit' || format === 'html' });
    const text = formatter(result, {
      locale,
      rules: compiled,
      color: io.isTTY && !options.output,
      version: version(),
      today,
      ...(typeof options['guide-url'] === 'string' ? { guideBase: options['guide-url'] } : {}),
      ...(typeof options.output === 'string' ? otherReport(options.output, locale) : {}),
    });
    if (typeof options.output === 'string') await writeFileAtomic(resolve(io.cwd, options.output), text);
    else io.out(text);

    if (stale.length && !options['allow-stale']) {
      for (const s of stale) io.err(`kblint check: stale rule ${s.rule} (${displayPath(s.file, io.cwd)}): ${s.reason}\n`);
      return 2;
    }
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    return result.findings.some((f) => !f.suppressed && rank(f.severity) >= rank(threshold)) ? 1 : 0;
  },
};
