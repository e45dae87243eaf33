import { parseCommand } from '../extract/command.js';
import type { TargetFacts } from './types.js';

type CommandFacts = NonNullable<TargetFacts['command']>;
type Parsed = ReturnType<typeof parseCommand>;

/** `\\fs01\rms\MsDrmClient.msi` → `msdrmclient.msi`: MSIs are compared by file name, in any case. */
export const msiName = (path: string): string => path.split(/[\\/]/).pop()!.toLowerCase();

export const suppressesReboot = (command: Parsed): boolean => /^reallysuppress$/i.test(command?.properties.REBOOT ?? '');

/**
 * Install command lines (a manifest's, an ini's, an SMS program's) → the `command` facts rules
 * check. A line that is no installer invocation counts as neither quiet nor reboot-suppressing.
 */
export function commandFacts(lines: string[]): CommandFacts {
  const parsed = lines.map((l) => parseCommand(l));
  return {
    line: lines.join('\n'),
    msi: parsed.flatMap((c) => c?.msi ?? []).map(msiName),
    quiet: parsed.length > 0 && parsed.every((c) => c?.quiet ?? false),
    rebootSuppressed: parsed.length > 0 && parsed.every(suppressesReboot),
  };
}
