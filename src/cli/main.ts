import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isKblintError, KblintError } from '../errors.js';
import { processIO, type CliIO } from './io.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { coverageCommand } from './commands/coverage.js';
import { explainCommand } from './commands/explain.js';
import { guideCommand } from './commands/guide.js';
import { diffCommand } from './commands/diff.js';
import { driftCommand } from './commands/drift.js';
import { parseCommand } from './commands/parse.js';
import { showCommand } from './commands/show.js';

export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** One line per option for `--help`. */
  help?: Record<string, string>;
  run(args: { positionals: string[]; options: ParsedOptions; io: CliIO }): Promise<number>;
}

const commands: Command[] = [checkCommand, buildCommand, coverageCommand, explainCommand, guideCommand, showCommand, diffCommand, driftCommand, parseCommand];

/** Help for options several commands share. */
const SHARED_HELP: Record<string, string> = {
  kb: 'read this knowledge base instead of building one from content',
  content: 'content folder to build the knowledge base from (repeatable)',
  rules: 'rules folder',
  locale: 'language of messages and pages: en or nl',
  json: 'print JSON',
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: kblint <command> [options]',
    '',
    'Turns TechNet articles into checkable requirements and lints rollouts against them.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: kblint <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 clean, 1 findings at or above --max-severity, 2 usage or input error.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const lines = [`Usage: ${c.usage}`, '', c.summary, ''];
  const opts = Object.entries(c.options);
  if (opts.length) {
    lines.push('Options:');
    const flags = opts.map(([name, o]) => `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ' <value>' : ''}`);
    const width = Math.max(...flags.map((f) => f.length));
    opts.forEach(([name, o], i) => {
      const text = [c.help?.[name] ?? SHARED_HELP[name], o.default !== undefined ? `(default: ${String(o.default)})` : undefined].filter(Boolean).join(' ');
      lines.push(`  ${flags[i]!.padEnd(width)}  ${text}`.trimEnd());
    });
    lines.push('');
  }
  return lines.join('\n');
}

/** Run the CLI; returns the exit code. Input problems are reported as `file:line:col: message`. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${version()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`kblint: unknown command '${name}'. Run 'kblint --help' for the list.\n`);
    return 2;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run({ positionals: parsed.positionals, options: parsed.values as ParsedOptions, io });
  } catch (e) {
    if (isKblintError(e)) {
      io.err(`kblint ${name}: ${e.format()}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`kblint ${name}: ${(e as Error).message}\n${commandHelp(command)}`);
      return 2;
    }
    io.err(`kblint ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

export function usageError(message: string): KblintError {
  return new KblintError('usage', message);
}
