import { KblintError } from '../../errors.js';
import { iniSection, iniValue, parseIni } from './ini.js';

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
  programs: SmsProgram[];
}

/**
 * An SMS package definition file (`.sms`/`.pdf` INI): `[PDF]`, `[Package Definition]` naming its
 * `Programs`, and one `[<Program>]` section each with `CommandLine`, `AdminRightsRequired`, ….
 */
export function parseSmsPackage(text: string, file: string): SmsPackage {
  const sections = parseIni(text, file);
  const definition = iniSection(sections, 'Package Definition');
  if (!definition) throw new KblintError('bad-sms', 'no [Package Definition] section; expected an SMS package definition file', { file, line: 1 });
  const programs = iniValue(definition, 'Programs');
  if (!programs) throw new KblintError('bad-sms', "[Package Definition] has no 'Programs'", { file, line: definition.line });
  const pkg: SmsPackage = { name: iniValue(definition, 'Name')?.value ?? '', programs: [] };
  for (const programName of programs.value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const section = iniSection(sections, programName);
    if (!section) throw new KblintError('bad-sms', `program '${programName}' is listed in Programs but has no [${programName}] section`, { file, line: programs.line });
    const command = iniValue(section, 'CommandLine');
    if (!command) throw new KblintError('bad-sms', `[${programName}] has no CommandLine`, { file, line: section.line });
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
