import { describe, expect, it } from 'vitest';
import { extractRequirements } from '../../src/extract/index.js';
import type { Claim, Requirement } from '../../src/extract/types.js';
import { parseFile } from '../../src/parse/index.js';
import { PROJECT } from '../shared.js';

const doc = await parseFile(`${PROJECT}content/nl-nl/18113913.md`, 'content/nl-nl/18113913.md');
const reqs = extractRequirements(doc, { locale: 'nl-NL', doc: '4b8dd930-4105-4e73-918c-12d2b05d5fb5' });
const byId = new Map(reqs.map((r) => [r.id, r]));
const VISTA = { version: '6.0', name: 'Windows Vista' };

// What DESIGN.md says the seed must yield, one row per requirement.
const table: [string, string, Requirement['level'], Requirement['scope'], Claim[], string, number][] = [
  ['(1) built into Vista and later', '4b8dd930/de-rms-client-distribueren/builtin', 'info', { os: { bound: 'from', ...VISTA } },
    [{ kind: 'os', bound: 'from', ...VISTA }, { kind: 'builtin', value: true }], 'De RMS-client vormt een onderdeel van het Windows Vista®-besturingssysteem.', 12],
  ['(1) cannot be installed separately', '4b8dd930/de-rms-client-distribueren/install', 'must-not', { os: { bound: 'from', ...VISTA } },
    [{ kind: 'install', value: 'separate-not-possible' }], 'De RMS-client kan niet langer meer afzonderlijk worden geiïnstalleerd.', 12],
  ['(2) before Vista: install, then activate', '4b8dd930/de-rms-client-distribueren/install-2', 'must', { os: { bound: 'before', ...VISTA } },
    [{ kind: 'os', bound: 'before', ...VISTA }, { kind: 'install', value: 'required' }, { kind: 'activation', value: 'required' }, { kind: 'order', first: 'install', then: 'activation' }],
    'Voor besturingssystemen die vóór Windows Vista op de markt zijn gebracht, dient u de RMS-clientsoftware te installeren en vervolgens te activeren.', 12],
  ['(3) activation is local', '4b8dd930/de-rms-client-distribueren/activation-2', 'info', {}, [{ kind: 'activation', value: 'local' }], 'De activering wordt lokaal uitgevoerd.', 14],
  ['(3) activation needs no network', '4b8dd930/de-rms-client-distribueren/network', 'may', { phase: 'activation' }, [{ kind: 'network', value: 'not-required' }], 'Daarvoor is dus geen netwerkverbinding nodig.', 14],
  ['(4) the client uses port 80 or 443', '4b8dd930/de-rms-client-distribueren/port', 'info', {}, [{ kind: 'port', ports: [80, 443], peers: [] }],
    'Ongeacht de methode waarmee de client is gedistribueerd, gebruikt de RMS-client een poort (standaard is dit poort 80 of poort 443) voor communicatie met de RMS-server.', 18],
  ['(4) root and licensing clusters reachable on them', '4b8dd930/de-rms-client-distribueren/port-2', 'must', {},
    [{ kind: 'port', ports: [80, 443], peers: ['root-cluster', 'licensing-cluster'] }, { kind: 'network', value: 'required' }],
    'U moet controleren of de clientcomputer via deze poorten aanvragen naar de RMS-basis- en licentieclusters kan verzenden.', 18],
  ['(5) Group Policy: no administrator rights', '4b8dd930/groepbeleid-gebruiken/privilege', 'may', { method: 'group-policy' },
    [{ kind: 'privilege', value: 'none' }, { kind: 'install', value: 'mentioned' }],
    'Wordt de RMS-client op deze manier gedistribueerd, dan heeft de gebruiker geen beheerdersbevoegdheden nodig en kan de RMS-client worden geïnstalleerd via Software in het Configuratiescherm of door inhoud die door rechten wordt beveiligd, in een toepassing met RMS-ondersteuning te openen.', 22],
  ['(6) Windows Update: local administrator', '4b8dd930/windows-update-gebruiken/privilege', 'must', { method: 'windows-update' },
    [{ kind: 'privilege', value: 'local-admin' }, { kind: 'install', value: 'required' }],
    'Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.', 26],
  ['(7) script: verify integrity at each step', '4b8dd930/installeren-met-een-script/integrity', 'may', { method: 'script' },
    [{ kind: 'install', value: 'mentioned' }, { kind: 'integrity', value: 'verify' }, { kind: 'method', values: ['script'] }],
    'Als u de clientinstallatie zoveel mogelijk wilt beheren, kunt u de software ophalen en vervolgens een script uitvoeren om de integriteit van de software bij elke stap van het installatieproces te controleren.', 30],
  ['(8) script: a startup script in a GPO', '4b8dd930/installeren-met-een-script/install', 'may', { method: 'script' },
    [{ kind: 'install', value: 'startup-script' }, { kind: 'method', values: ['group-policy', 'script'] }],
    'Dit script kan worden geschreven en toegevoegd aan een groepsbeleidsobject als een opstartscript.', 30],
  ['(8) script: no local administrator, installs after restart', '4b8dd930/installeren-met-een-script/privilege', 'may', { method: 'script' },
    [{ kind: 'privilege', value: 'none' }, { kind: 'install', value: 'mentioned' }, { kind: 'restart', value: 'required' }],
    'Met deze methode hoeft de gebruiker geen lokale systeembeheerder op de computer te zijn en wordt de RMS-client automatisch geïnstalleerd na het opnieuw opstarten.', 30],
  ['(10) the three methods', '4b8dd930/de-rms-client-distribueren/install-3', 'may', {},
    [{ kind: 'install', value: 'mentioned' }, { kind: 'method', values: ['group-policy', 'windows-update', 'script'] }],
    'De RMS-client kan op elke clientcomputer in de organisatie met behulp van Groepsbeleid, Windows Update of een beheerscript worden geïnstalleerd.', 14],
];

describe('what the seed must yield', () => {
  it.each(table)('%s', (_, id, level, scope, claims, quote, line) => {
    const r = byId.get(id);
    expect(r, `no requirement ${id}`).toBeDefined();
    expect(r).toMatchObject({ level, scope, claims, quote, section: expect.any(String), locale: 'nl-NL', source: { file: 'content/nl-nl/18113913.md', line, column: 1 } });
    expect(r!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('(9) parses the sample command: both MSIs in order, quiet, REBOOT=ReallySuppress', () => {
    const r = byId.get('4b8dd930/installeren-met-een-script/command')!;
    expect(r).toMatchObject({ level: 'info', scope: { method: 'script' }, source: { line: 34 } });
    const command = r.claims.find((c) => c.kind === 'command');
    expect(command).toEqual({
      kind: 'command',
      line: 'objShell.run "WindowsRightsManagementServicesSP2-KB917275-Client-ENU.exe -override 1 /I MsDrmClient.msi REBOOT=ReallySuppress /q -override 2 /I RmClientBackCompat.msi REBOOT=ReallySuppress /q"',
      program: 'WindowsRightsManagementServicesSP2-KB917275-Client-ENU.exe',
      switches: ['-override', '/I', '/q', '-override', '/I', '/q'],
      properties: { REBOOT: 'ReallySuppress' },
      msi: ['MsDrmClient.msi', 'RmClientBackCompat.msi'],
      quiet: true,
    });
    expect(r.claims.filter((c) => c.kind !== 'command')).toEqual([
      { kind: 'order', first: 'MsDrmClient.msi', then: 'RmClientBackCompat.msi' },
      { kind: 'restart', value: 'suppressed' },
    ]);
  });

  it('gives every requirement a unique id', () => {
    expect(reqs).toHaveLength(20);
    expect(new Set(reqs.map((r) => r.id)).size).toBe(reqs.length);
  });
});
