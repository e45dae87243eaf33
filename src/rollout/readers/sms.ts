import { KblintError } from '../../errors.js';
import { iniSection, iniValue, parseIni, type IniSection } from './ini.js';
import { MAX_COMMAND_CHARS } from './script.js';

export interface SmsProgram {
  name: string;
  commandLine: string;
  line: number;
  /** `AdminRightsRequired`: the program runs with administrative rights. */
  adminRights?: boolean;
  adminLine?: number;
  /** `CanRunWhen`: UserLoggedOn, AnyUserStatus or NoUserLoggedOn, as written. */
  canRunWhen?: { value: string; line: number };
  supportedClients?: string;
}

export interface SmsPackage {
  name: string;
  /** The `[PDF] Version` the file declares (`2.0`, `1.0`, …), when it does. */
  version?: string;
  programs: SmsProgram[];
}

/**
 * An SMS package definition file (`.sms`/`.pdf` INI), in both formats that exist:
 * - 2.0 (SMS 2.0/2003, Configuration Manager): `[Package Definition] Programs=A, B` and one `[A]`
 *   section per program with `CommandLine`, `AdminRightsRequired`, …;
 * - 1.x (SMS 1.x, `[PDF] Version=1.0`): `[Package Definition] SetupVariations=Automated, Manual`
 *   and one `[Automated Setup]` section per variation with `CommandLine` (no admin-rights key).
 */
export function parseSmsPackage(text: string, file: string): SmsPackage {
  const sections = parseIni(text, file);
  const definition = iniSection(sections, 'Package Definition');
  if (!definition) throw new KblintError('bad-sms', 'no [Package Definition] section; expected an SMS package definition file', { file, line: 1 });
  const version = iniValue(iniSection(sections, 'PDF'), 'Version')?.value;
  const pkg: SmsPackage = { name: iniValue(definition, 'Name')?.value ?? '', ...(version ? { version } : {}), programs: [] };
  const programs = iniValue(definition, 'Programs');
  const variations = iniValue(definition, 'SetupVariations');
  const list = programs ?? variations;
  if (!list) {
    throw new KblintError('bad-sms', "[Package Definition] has neither 'Programs' (format 2.0) nor 'SetupVariations' (format 1.x)", { file, line: definition.line });
  }
  // Sections by name, so a long Programs list is matched in one pass (the first section of a name wins, as iniSection does).
  const byName = new Map<string, IniSection>();
  for (const section of sections) if (!byName.has(section.name.toLowerCase())) byName.set(section.name.toLowerCase(), section);
  for (const programName of list.value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const lower = programName.toLowerCase();
    const section = programs ? byName.get(lower) : (byName.get(`${lower} setup`) ?? byName.get(lower));
    const expected = programs ? `[${programName}]` : `[${programName} Setup]`;
    if (!section) throw new KblintError('bad-sms', `'${programName}' is listed in ${list.key} but has no ${expected} section`, { file, line: list.line });
    const command = iniValue(section, 'CommandLine');
    if (!command) throw new KblintError('bad-sms', `[${section.name}] has no CommandLine`, { file, line: section.line });
    if (command.value.length > MAX_COMMAND_CHARS) {
      throw new KblintError('bad-sms', `CommandLine is ${command.value.length} characters, longer than the ${MAX_COMMAND_CHARS}-character Windows command line`, { file, line: command.line });
    }
    const program: SmsProgram = { name: programName, commandLine: command.value, line: command.line };
    const admin = iniValue(section, 'AdminRightsRequired');
    if (admin) {
      program.adminRights = /^true$/i.test(admin.value);
      program.adminLine = admin.line;
    }
    const runWhen = iniValue(section, 'CanRunWhen');
    if (runWhen) program.canRunWhen = { value: runWhen.value, line: runWhen.line };
    const clients = iniValue(section, 'SupportedClients');
    if (clients) program.supportedClients = clients.value;
    pkg.programs.push(program);
  }
  return pkg;
}
