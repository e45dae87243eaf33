import { existsSync, readFileSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { KblintError } from '../../errors.js';
import { BUNDLED_RULES, lint, LOCALES, outcomeRecords, readWaiverFile, SEVERITIES, type Locale, type LintResult, type OutcomeRecord, type Severity } from '../../lint/index.js';
import { loadFormatter, NEEDS_OUTCOMES, type ReportContext } from '../../report/index.js';
import { mergeResults } from '../../report/merge.js';
import { parseOutputs, type OutputSpec } from '../../report/outputs.js';
import { readRolloutInput, readRolloutText } from '../../rollout/load.js';
import type { Rollout } from '../../rollout/types.js';
import { writeFileAtomicChunks } from '../../util/atomic.js';
import { jsonChunks } from '../../util/json-stream.js';
import { safeJson } from '../../report/escape.js';
import { isIsoDate } from '../../util/date.js';
import { checkInputFile, displayPath, readInputFile } from '../../util/files.js';
import { kbInputs, kbOptions, loadKnowledgeBase } from '../kb-source.js';
import { prepareOutputFile, refuseInputAsOutput, type InputPath } from '../output.js';
import type { Command, ParsedOptions } from '../main.js';
import type { CliIO } from '../io.js';
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

/** Colours for the terminal: --no-color and --color first, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal. */
function colorOf(options: ParsedOptions, io: CliIO): boolean {
  if (options['no-color']) return false;
  if (options.color) return true;
  const env = io.env ?? {};
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  if (env.NO_COLOR) return false;
  return io.isTTY;
}

/** Inputs as given, globs (`rollouts/*.yaml`) expanded in name order; `-` is standard input. */
async function expandInputs(positionals: string[], cwd: string): Promise<string[]> {
  const inputs: string[] = [];
  for (const p of positionals) {
    if (p !== '-' && /[*?[\]{}]/.test(p) && !existsSync(resolve(cwd, p))) {
      const { glob } = await import('tinyglobby');
      const found = (await glob(p, { cwd, onlyFiles: false, expandDirectories: false })).sort();
      if (!found.length) throw usageError(`${p}: no file matches this pattern`);
      inputs.push(...found);
    } else inputs.push(p);
  }
  return inputs;
}

/** Where a markdown step summary goes when no file is named: GitHub's $GITHUB_STEP_SUMMARY, when set. */
function withStepSummary(specs: OutputSpec[], io: CliIO): (OutputSpec & { append?: boolean })[] {
  const summaryFile = io.env?.GITHUB_STEP_SUMMARY;
  return specs.map((s) => (s.format === 'markdown' && s.file === undefined && summaryFile ? { ...s, file: summaryFile, append: true } : s));
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
  if (hidden || (scheme !== undefined && !/^https?$/i.test(scheme))) {
    throw usageError(`--guide-url: expected a relative URL or an http(s) URL; got '${value.replace(/[\u0000-\u001f\u007f]/g, '?')}'`);
  }
  return value;
}

/** Every file a rollout's facts came from (manifest, inventory, gpreport.xml, registry.pol, scripts, SMS). */
function artifactFiles(rollout: Rollout, cwd: string): InputPath[] {
  const files = new Set<string>();
  const seen = new Set<object>();
  for (const t of rollout.targets) {
    files.add(t.location.file);
    if (seen.has(t.sources)) continue;
    seen.add(t.sources);
    for (const loc of Object.values(t.sources)) files.add(loc.file);
  }
  return [...files].filter((f) => f !== '<stdin>').map((f) => ({ path: resolve(cwd, f) }));
}

/**
 * The JSON report (what `json` formats) as pieces: the result's own outcomes, or the ones made
 * from each rollout as they are written. C1 and bidi controls escaped piece by piece (`safeJson`
 * replaces single characters, so pieces can be escaped apart).
 */
function* jsonReport(result: LintResult, outcomes: Iterable<OutcomeRecord>[] | undefined): Generator<string> {
  const report = outcomes ? { ...result, outcomes: (function* () { for (const o of outcomes) yield* o; })() } : result;
  for (const chunk of jsonChunks(report)) yield safeJson(chunk);
  yield '\n';
}

/** A report made as one text; past what one string can hold (~512 MiB in V8), a clear error instead of a crash. */
function wholeReport(make: () => string, format: string, result: LintResult): string {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof RangeError && /string length/i.test(e.message))) throw e;
    throw new KblintError('report-too-large', `the ${format} report of ${result.findings.length} findings on ${result.summary.targets} targets is too large to make as one text; --format json writes any size`);
  }
}

/** Small pieces gathered into 64 KiB writes (small enough to die young: no old-space growth). */
function* batches(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 16) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (size) yield pending.join('');
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'lint a rollout manifest against the knowledge base and rules',
  usage:
    'kblint check <rollout.yaml | gpo-backup-dir | inventory.csv | - | glob>… [--format format[:file]]… [--quiet] [--max-warnings n] [--no-color] [--gpo dir] [--inventory file.csv] [--locale en|nl|de-DE|…] [--max-severity error|warning|info] [--allow-stale] [--waivers .kblintignore.yaml] [--fail-on notchecked] [--kb kb.json] [--rules dir] [--artifact-root dir]',
  options: {
    ...kbOptions,
    ...rulesOptions,
    format: { type: 'string', short: 'f', multiple: true, default: ['stylish'] },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'max-warnings': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    'max-severity': { type: 'string', default: 'error' },
    'allow-stale': { type: 'boolean' },
    waivers: { type: 'string' },
    gpo: { type: 'string' },
    'guide-url': { type: 'string' },
    inventory: { type: 'string' },
    'artifact-root': { type: 'string', multiple: true },
    today: { type: 'string' },
    'fail-on': { type: 'string' },
  },
  help: {
    format:
      'stylish, json, sarif, junit, github, codequality (GitLab), markdown ($GITHUB_STEP_SUMMARY when set), summary or html; repeat it, each as format or format:file',
    output: 'write the (single) report to this file (atomically) instead of standard output',
    quiet: 'report errors only (warnings and info still count for --max-warnings and the exit code)',
    'max-warnings': 'exit 1 when there are more than this many unwaived warnings',
    color: 'colour the stylish output even when standard output is no terminal (also FORCE_COLOR=1)',
    'no-color': 'no colours (also NO_COLOR=1 or FORCE_COLOR=0)',
    'max-severity': 'exit 1 when an unwaived finding is at or above this severity: error, warning or info',
    'allow-stale': 'go on when a rule cites a requirement that vanished or changed',
    waivers: 'waiver file (default: .kblintignore.yaml in the working folder, when present)',
    gpo: 'a GPO backup folder to read facts from (with an inventory CSV as the argument)',
    inventory: 'an AD inventory CSV to take computers from (with a GPO folder as the argument)',
    'guide-url': 'where the guidance pages are, for links from an HTML report: a relative or http(s) URL (default: site/<locale>/)',
    'fail-on': 'notchecked: exit 1 when any check could not be made because a fact it needs is unknown',
    today: 'the date waivers expire against, YYYY-MM-DD (default: today)',
    'artifact-root': "a folder outside the manifest's repository that its gpo:, sms: and inventory: may name (repeatable)",
  },
  async run({ positionals, options, io }) {
    if (positionals.length === 0) throw usageError('check needs a rollout manifest, GPO backup folder or inventory CSV (or - for standard input): kblint check rollout.yaml');
    let outputs: OutputSpec[];
    try {
      const formats = Array.isArray(options.format) ? options.format : [String(options.format ?? 'stylish')];
      outputs = parseOutputs(formats, typeof options.output === 'string' ? options.output : undefined);
    } catch (e) {
      throw usageError((e as Error).message);
    }
    const threshold = String(options['max-severity']) as Severity;
    if (!SEVERITIES.includes(threshold)) throw usageError(`--max-severity: expected one of ${SEVERITIES.join(', ')}; got '${threshold}'`);
    const maxWarningsText = options['max-warnings'];
    const maxWarnings = typeof maxWarningsText === 'string' ? Number(maxWarningsText) : undefined;
    if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw usageError(`--max-warnings: expected a whole number of 0 or more; got '${String(maxWarningsText)}'`);
    const today = typeof options.today === 'string' ? options.today : new Date().toISOString().slice(0, 10);
    if (!isIsoDate(today)) throw usageError(`--today: expected YYYY-MM-DD; got '${today.replace(/[\u0000-\u001f\u007f]/g, '?')}'`);
    const locale = localeOption(options);
    const failOn = failOnOption(options);
    const guideUrl = typeof options['guide-url'] === 'string' ? guideUrlOption(options['guide-url']) : undefined;
    const inputs = await expandInputs(positionals, io.cwd);
    if (inputs.filter((i) => i === '-').length > 1) throw usageError('standard input (-) can be read once');
    const inputIsFolder = new Map<string, boolean>();
    for (const input of inputs.filter((i) => i !== '-')) {
      const path = resolve(io.cwd, input);
      const folder = (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
      if (!folder) await checkInputFile(path, { what: 'a rollout manifest, GPO backup folder or inventory CSV', display: input, maxBytes: Infinity });
      inputIsFolder.set(path, folder);
    }
    for (const o of outputs) if (o.file !== undefined) await prepareOutputFile(resolve(io.cwd, o.file), io.cwd);

    const kb = await loadKnowledgeBase(options, io);
    const { compiled, stale } = await compiledRules(options, io, kb);
    // The firewall in a GPO backup is asked about the ports the documentation names.
    const ports = [...new Set(kb.requirements.flatMap((r) => r.claims.flatMap((c) => (c.kind === 'port' ? c.ports : []))))].sort((a, b) => a - b);
    const roots = Array.isArray(options['artifact-root']) ? options['artifact-root'] : [];
    const artifacts = { ports, cwd: io.cwd, artifactRoots: roots };
    const waiverPath = typeof options.waivers === 'string' ? resolve(io.cwd, options.waivers) : resolve(io.cwd, '.kblintignore.yaml');
    const useWaivers = typeof options.waivers === 'string' || existsSync(waiverPath);
    if (useWaivers) await readInputFile(waiverPath, { what: 'a waiver file', display: displayPath(waiverPath, io.cwd) });
    const waiverFile = useWaivers ? await readWaiverFile(waiverPath, displayPath(waiverPath, io.cwd)) : [];
    // The JSON report makes its outcomes while it is written (outcomeRecords); only the other
    // formats that list outcomes need them all in memory.
    const keepOutcomes = outputs.some((o) => o.format !== 'json' && NEEDS_OUTCOMES.has(o.format));
    const streamOutcomes = !keepOutcomes && outputs.some((o) => o.format === 'json');
    /** What this run reads, which no report may overwrite. */
    const everyInput = (): InputPath[] => [
      ...[...inputIsFolder].map(([path, folder]) => ({ path, folder })),
      ...[options.gpo, options.inventory].filter((p): p is string => typeof p === 'string').map((p) => ({ path: resolve(io.cwd, p), folder: p === options.gpo })),
      ...(useWaivers ? [{ path: waiverPath }] : []),
      ...kbInputs(options, io),
      { path: typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES, folder: true },
    ];

    const readInput = async (input: string): Promise<Rollout> => {
      if (input === '-') {
        if (!io.readStdin) throw usageError('standard input cannot be read here');
        // Artifacts a manifest on standard input names resolve against the working folder.
        return readRolloutText(await io.readStdin(), resolve(io.cwd, 'stdin.yaml'), '<stdin>', artifacts);
      }
      return readRolloutInput(input, {
        ...artifacts,
        ...(typeof options.gpo === 'string' ? { gpo: options.gpo } : {}),
        ...(typeof options.inventory === 'string' ? { inventory: options.inventory } : {}),
      });
    };
    const results: LintResult[] = [];
    /** The rollouts whose outcomes the JSON report makes as it is written. */
    const linted: Rollout[] = [];
    const readFrom: InputPath[] = [];
    for (const input of inputs) {
      const rollout = await readInput(input);
      // Warnings first: they often say why a run found no computers (an unlinked GPO, rows without a version).
      for (const w of rollout.warnings ?? []) io.err(`kblint check: warning: ${w.location.file}:${w.location.line}: ${w.message}\n`);
      if (rollout.targets.length === 0) {
        throw new KblintError('no-targets', 'nothing to check: no computers were found (a group without computers, an inventory OU that matches none, or an inventory without the Name and OperatingSystemVersion columns); kblint never passes a rollout it did not see', { file: input === '-' ? '<stdin>' : input });
      }
      readFrom.push(...artifactFiles(rollout, io.cwd));
      rollout.waivers.push(...waiverFile);
      results.push(lint(rollout, compiled, { locale, today, stale, outcomes: keepOutcomes }));
      if (streamOutcomes) linted.push(rollout);
    }
    const result = mergeResults(results);

    const targets = withStepSummary(outputs, io);
    // Reports all go to files: say in one line what was found and where it went.
    if (!targets.some((o) => o.file === undefined) && !targets.some((o) => o.format === 'summary')) targets.push({ format: 'summary' });
    const documentUrls: Record<string, string> = {};
    for (const d of kb.documents) if (d.url) documentUrls[d.id] ??= d.url;
    for (const target of targets) {
      const formatter = await loadFormatter(target.format);
      const ctx: ReportContext = {
        locale,
        rules: compiled,
        color: target.file === undefined && target.format === 'stylish' && colorOf(options, io),
        version: version(),
        cwd: io.cwd,
        documentUrls,
        threshold,
        quiet: Boolean(options.quiet),
        outputs: targets.map((t) => (t.file === undefined ? { format: t.format } : { format: t.format, file: t.file })),
        today,
        ...(guideUrl !== undefined ? { guideBase: guideUrl } : {}),
        ...(target.file !== undefined ? otherReport(target.file, locale) : {}),
      };
      // JSON is written piece by piece (flat memory on a million computers); the others as one text.
      const chunks: Iterable<string> =
        target.format === 'json' ? jsonReport(result, streamOutcomes ? linted.map((r) => outcomeRecords(r, compiled)) : undefined) : [wholeReport(() => formatter(result, ctx), target.format, result)];
      if (target.file === undefined) for (const text of batches(chunks)) io.out(text);
      else if ('append' in target && target.append) await appendFile(target.file, [...chunks].join(''));
      else {
        const path = resolve(io.cwd, target.file);
        await refuseInputAsOutput(path, [...everyInput(), ...readFrom], 'file', io.cwd);
        await writeFileAtomicChunks(path, chunks);
      }
    }
    // The reports count notchecked outcomes; a run in which nothing at all could be checked is said
    // on stderr too, whatever the format, since its report reads like a clean one.
    const unchecked = result.summary.notchecked;
    if (unchecked > 0 && result.summary.pass + result.summary.fail === 0) {
      io.err(`kblint check: nothing was verified: all ${unchecked} applicable check(s) are notchecked (a fact they need is unknown)${failOn ? '' : '; --fail-on notchecked makes this fail'}\n`);
    }

    if (stale.length && !options['allow-stale']) {
      for (const s of stale) io.err(`kblint check: stale rule ${s.rule} (${displayPath(s.file, io.cwd)}): ${s.reason}\n`);
      return 2;
    }
    if (failOn && unchecked > 0) return 1;
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    const open = result.findings.filter((f) => !f.suppressed);
    if (open.some((f) => rank(f.severity) >= rank(threshold))) return 1;
    if (maxWarnings !== undefined && open.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
    return 0;
  },
};
