import { describe, expect, it } from 'vitest';
import { calloutsOf, codeOf, parseFile, sections } from '../../src/parse/index.js';
import { PROJECT } from '../shared.js';

const SEED = `${PROJECT}content/nl-nl/18113913.md`;

describe('the seed article', async () => {
  const doc = await parseFile(SEED, 'content/nl-nl/18113913.md');

  it('reads the front matter into metadata', () => {
    expect(doc.meta).toEqual({
      title: 'De RMS-client distribueren',
      tocTitle: 'De RMS-client distribueren',
      assetId: '4b8dd930-4105-4e73-918c-12d2b05d5fb5',
      contentKeyId: '18113913',
      url: 'https://technet.microsoft.com/nl-nl/library/Cc720266(v=WS.10)',
      locale: 'nl-NL',
      topicId: 'Cc720266',
      topicVersion: 'WS.10',
    });
    expect(doc.diagnostics).toEqual([]);
  });

  it('nests the bold pseudo-headings under the setext title', () => {
    const all = [...sections(doc.root)].slice(1).map((s) => [s.title, s.depth, s.headingForm, s.pos.line]);
    expect(all).toEqual([
      ['De RMS-client distribueren', 1, 'setext', 9],
      ['Groepbeleid gebruiken', 2, 'bold', 20],
      ['Windows Update gebruiken', 2, 'bold', 24],
      ['Installeren met een script', 2, 'bold', 28],
    ]);
    expect(doc.root.children[0]!.children.map((s) => s.title)).toHaveLength(3);
  });

  it('finds the note callout written as an image table', () => {
    const [note, ...rest] = calloutsOf(doc);
    expect(rest).toEqual([]);
    expect(note).toMatchObject({ kind: 'note', label: 'Opmerking', form: 'image-table', pos: { line: 16, column: 1 } });
    expect(note!.text).toBe(
      'Ongeacht de methode waarmee de client is gedistribueerd, gebruikt de RMS-client een poort (standaard is dit poort 80 of poort 443) voor communicatie met de RMS-server. U moet controleren of de clientcomputer via deze poorten aanvragen naar de RMS-basis- en licentieclusters kan verzenden.',
    );
    expect(note!.paragraphs[0]!.pos.line).toBe(18);
  });

  it('joins the consecutive inline-code lines into one script sample', () => {
    const code = codeOf(doc);
    expect(code).toHaveLength(1);
    expect(code[0]).toMatchObject({ form: 'inline', pos: { line: 34, column: 1 } });
    expect(code[0]!.lines).toEqual([
      'Set objShell = Wscript.CreateObject("Wscript.Shell")',
      'objShell.run "WindowsRightsManagementServicesSP2-KB917275-Client-ENU.exe -override 1 /I MsDrmClient.msi REBOOT=ReallySuppress /q -override 2 /I RmClientBackCompat.msi REBOOT=ReallySuppress /q"',
    ]);
  });

  it('tells article links by asset id from other links', () => {
    expect(doc.links.map((l) => [l.kind, l.assetId, l.text, l.pos.line])).toEqual([
      ['article', '9e37c27b-8cc1-40c6-adb7-0937aa64c8db', 'SMS of Groepsbeleid instellen voor de implementatie van clients', 37],
      ['article', 'c84f1724-cf71-4385-9003-ff68bc23c927', 'Procedures voor het implementeren van de RMS-client', 39],
    ]);
  });
});
