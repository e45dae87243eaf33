import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isKblintError, KblintError } from '../errors.js';
import { processIO, type CliIO } from './io.js';
import { suggest } from '../report/suggest.js';
import { EXAMPLES } from './examples.js';

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

/** Commands by name, each loaded when run: `kblint check` does not load the guide renderer. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  build: async () => (await import('./commands/build.js')).buildCommand,
  coverage: async () => (await import('./commands/coverage.js')).coverageCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  guide: async () => (await import('./commands/guide.js')).guideCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  drift: async () => (await import('./commands/drift.js')).driftCommand,
  parse: async () => (await import('./commands/parse.js')).parseCommand,
};
const COMMAND_NAMES = Object.keys(COMMANDS);

async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!() : undefined;
}

/** Help for options several commands share. */
const SHARED_HELP: Record<string, string> = {
  kb: 'read this knowledge base instead of building one from content',
  content: 'content folder to build the knowledge base from (repeatable)',
  rules: 'rules folder',
  locale: 'language of messages and pages: en or nl; check and explain also take a locale of the knowledge base (de, pt-BR, …) to cite requirements in (default: the locale most articles are in)',
  json: 'print JSON',
};

/** The only exit codes kblint has, for every command. */
const EXIT_CODES = 'Exit codes: 0 clean; 1 findings (check: at or above --max-severity, or notchecked with --fail-on notchecked); 2 usage, input or internal error.';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function help(): Promise<string> {
  const commands = await Promise.all(COMMAND_NAMES.map((n) => COMMANDS[n]!()));
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
    '  -h, --help     show help (also: kblint help <command>, kblint <command> --help)',
    '  -v, --version  print the version',
    '',
    EXIT_CODES,
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
  const examples = EXAMPLES[c.name];
  if (examples?.length) lines.push('Examples:', ...examples.map((e) => `  ${e}`), '');
  lines.push(EXIT_CODES, '');
  return lines.join('\n');
}

/** "did you mean --format?" for an unknown option in a parseArgs error. */
function optionHint(message: string, c: Command): string {
  const typed = /Unknown option '--?([^']+)'/.exec(message)?.[1];
  const hint = typed ? suggest(typed, Object.keys(c.options)) : undefined;
  return hint ? ` (did you mean --${hint}?)` : '';
}

/** Run the CLI; returns the exit code. Input problems are reported as `file:line:col: message`. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] !== undefined) {
    const topic = await loadCommand(rest[0]);
    if (topic) {
      io.out(commandHelp(topic));
      return 0;
    }
  }
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.out(await help());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${version()}\n`);
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    const hint = suggest(name, COMMAND_NAMES);
    io.err(`kblint: unknown command '${name}'.${hint ? ` Did you mean '${hint}'?` : ''} Run 'kblint --help' for the list.\n`);
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
      io.err(`kblint ${name}: ${(e as Error).message}${optionHint((e as Error).message, command)}\n${commandHelp(command)}`);
      return 2;
    }
    io.err(`kblint ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

export function usageError(message: string): KblintError {
  return new KblintError('usage', message);
}
