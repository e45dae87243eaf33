import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/extract/claims.js';
import { claimWordsFor, lexiconsFor } from '../../src/extract/lexicons/index.js';
import { chunks, mainClause, sentenceModality, setAside } from '../../src/extract/modality.js';
import type { Claim } from '../../src/extract/types.js';

// Sentences from the shared corpus (rms and sample), each read in its document's locale.
const read = (locale: string, s: string, isStep = false) => sentenceModality(s, lexiconsFor(locale), isStep);

describe('level and trigger from the main clause, per language', () => {
  it.each([
    // Dutch
    ['nl-NL', 'Uit veiligheidsoverwegingen mag u deze server niet gebruiken voor het uitvoeren van andere sites of services.', 'must-not', 'mag … niet'],
    ['nl-NL', 'Download of open geen bestanden van bronnen die u niet vertrouwt, bezoek geen websites die u niet vertrouwt en open geen e-mailbijlagen wanneer uw antivirusprogramma is uitgeschakeld.', 'must-not', 'download … geen'],
    ['nl-NL', 'U hoeft echter geen intrekkingsbeleid voor serverlicentiecertificaten op te geven omdat dit beleid wordt beheerd via de basiscertificeringsserver.', 'may', 'hoeft … geen'],
    ['nl-NL', 'Doorgaans kunt u deze sjablonen echter beter niet verwijderen.', 'should-not', 'beter … niet'],
    ['nl-NL', 'Als u een proxyserver met uw RMS-installatie wilt gebruiken, moet u RMS configureren voor gebruik van de proxyserver.', 'must', 'moet'],
    // A modal inside a relative clause does not decide ("die … moeten distribueren").
    ['nl-NL', 'Deze gids is bedoeld voor beheerders die niet weten hoe zij software in een organisatie moeten distribueren.', 'info', undefined],
    ['nl-NL', 'Als u RMS op een server inricht, geeft u een gebruikersaccount op die moet worden gebruikt als de RMS-serviceaccount.', 'must', 'geeft u'],
    ['nl-NL', 'Wanneer de RMS-client door een aangemelde gebruiker wordt geïnstalleerd, start de client het activeringsproces.', 'info', undefined],
    ['nl-NL', 'U kunt de lockbox uit %systemroot%\\system32 verwijderen, maar dit is niet strikt noodzakelijk.', 'may', 'niet … noodzakelijk'],
    ['nl-NL', 'Als deze fout zich voordoet, kunt u RMS niet configureren of beheren.', 'info', undefined],
    ['nl-NL', 'U kunt RMS niet gebruiken in combinatie met Kerberos-verificatie.', 'must-not', 'kunt … niet'],
    ['nl-NL', 'Met deze toepassingen kan een aanvaller volledige controle over het systeem krijgen.', 'info', undefined],
    ['nl-NL', 'Hoe kan de RMS-client worden geïnstalleerd en geconfigureerd als gebruikers geen beheerrechten op hun computers hebben?', 'info', undefined],
    ['nl-NL', 'Vereist', 'info', undefined],
    // German
    ['de-DE', 'Aus Sicherheitsgründen sollten Sie diesen Server nicht verwenden, um zusätzliche Websites oder Dienste auszuführen.', 'should-not', 'sollten … nicht'],
    ['de-DE', 'Das gleichzeitige Vorhandensein verschiedener Versionen von RMS-Servern in ein und demselben Cluster wird nicht empfohlen.', 'should-not', 'nicht empfohlen'],
    ['de-DE', 'Mit dieser Methode muss der Benutzer nicht als lokaler Administrator auf dem Computer angemeldet sein.', 'may', 'muss … nicht'],
    ['de-DE', 'Die Elemente ISSUEDTIME, PUBLICKEY und SIGNATURE sind nicht unbedingt erforderlich, da sie von „RLsigner.exe“ eingefügt werden.', 'may', 'nicht … erforderlich'],
    ['de-DE', 'Klicken Sie auf den Link, um die Webseite „Ausschlussrichtlinien“ zu öffnen, auf der Sie Ausschlussrichtlinien aktivieren können.', 'must', 'klicken sie'],
    ['de-DE', 'Der Client wird nicht mehr separat installiert.', 'info', undefined],
    ['de-DE', 'Mit WSUS 3.0 SP2 kann ein Proxyserver nur HTTP unterstützen.', 'info', undefined],
    ['de-DE', 'RMS kann nicht mit Kerberos-Authentifizierung verwendet werden.', 'info', undefined],
    ['de-DE', 'Danach können Sie keine durch Rechte geschützte Inhalte mehr öffnen.', 'info', undefined],
    ['de-DE', 'Sie können RMS nicht mit Kerberos-Authentifizierung verwenden.', 'must-not', 'können … nicht'],
    ['de-DE', 'Zum Ausnutzen dieser Sicherheitsanfälligkeit benötigt ein Angreifer gültige Anmeldeinformationen.', 'info', undefined],
    ['de-DE', 'Weitere Sicherheitsänderungen an dieser Datenbank sind nicht nötig, sofern sie nicht zu einem anderen Computer mit SQL Server verschoben wird.', 'may', 'nicht … nötig'],
    // Spanish, Italian, Portuguese negative imperatives and need-nots
    ['es-ES', 'No empiece a instalar RMS en ningún otro servidor hasta que haya completado la configuración de RMS en el primer servidor.', 'must-not', 'no empiece'],
    ['es-ES', 'Sin embargo, no especifique una directiva de revocación de certificado emisor de licencias de servidor, ya que esta directiva está bajo control del servidor de certificación raíz.', 'must-not', 'no especifique'],
    ['es-ES', 'No obstante, el servidor de licencias puede emitir licencias de uso.', 'info', undefined],
    ['es-ES', 'La activación es un proceso local y no requiere una conexión de red.', 'may', 'no requiere'],
    ['es-ES', 'Puede utilizar este ejemplo como modelo para crear sus propias listas de revocaciones.', 'may', 'puede'],
    ['it-IT', "Non avviare l'installazione di RMS su qualsiasi altro server finché non è stata completata la configurazione di RMS sul primo server.", 'must-not', 'non avviare'],
    ['it-IT', 'Per ulteriori informazioni, vedere “Installazione di RMS da un prompt di comandi” in questa documentazione.', 'info', undefined],
    ['it-IT', 'Installare RMS.', 'must', 'installare'],
    ['pt-BR', 'A ativação é um processo local e não exige uma conexão de rede.', 'may', 'não exige'],
    ['pt-BR', 'Entretanto, se você implementou o balanceamento de carga, será necessário configurar o software de balanceamento de carga.', 'must', 'será necessário'],
    // English, also inside localized repositories
    ['en-US', 'You do not need to restart the computer after you install this update.', 'may', 'do not need'],
    ['en-US', 'Do not install the RMS client on the RMS server.', 'must-not', 'do not'],
    ['en-US', 'You should not run other web sites on this server.', 'should-not', 'should not'],
    ['en-US', 'The client cannot connect to the server when the network is down.', 'info', undefined],
    ['nl-NL', 'You cannot use RMS with Kerberos authentication.', 'must-not', 'cannot'],
    // Rules of the language, each seen in the gold set: a capitalized negation inside a sentence is a value label
    // ("auf Nicht definiert"); a modal governs "sicherstellen"; a prediction ("sollte … keine Probleme verursachen"),
    // a verb-first condition ("Sollte … nicht …, …"), "Da …," (since), "nicht X, sondern Y" and "niet alleen"
    // (no negation of the modal); "Met X kunt u" (capability); a reported rule ("bepalen dat u geen … mag");
    // the negation belongs to its nearest modal; a concession carries advice against; "kan het nodig zijn"
    // (possibility); pointers; a description's "cannot" yields to the clause's "must"; a coordinated chunk
    // continues a because-clause; a passive "can" describes in English and German; an English sentence in
    // an Italian article is read as English.
    ['de-DE', 'Sie sollten also die folgenden Benutzerrechte in diesem neuen Gruppenrichtlinienobjekt auf Nicht definiert setzen.', 'should', 'sollten'],
    ['de-DE', 'Sie sollten jedoch sicherstellen, dass diese Einstellung für die Hochsicherheitsumgebung auf Keine gesetzt ist.', 'should', 'sollten'],
    ['de-DE', 'Die Konfiguration setzt die Standardkonfiguration in Excel 2007 durch und sollte daher für die meisten Benutzer keine Nutzbarkeitsprobleme verursachen.', 'info', undefined],
    ['de-DE', 'Sollte die Datenbank nicht zur Verfügung stehen, werden die Protokolleinträge über den Message Queuing-Dienst des RMS-Servers bezogen.', 'info', undefined],
    ['de-DE', 'Wenn Sie RMS in Ihrer Organisation weiter einsetzen, jedoch bestimmte RMS-Server aus einem beliebigen Grund nicht mehr benutzen möchten, sollten Sie die folgenden Alternativen zur Außerbetriebsetzung in Betracht ziehen.', 'should', 'sollten'],
    ['de-DE', 'Da dieser Server alle ausgestellten Zertifikate speichern muss, wird empfohlen, dass der Server mit einer Festplattenkapazität von mindestens 2 GB für jeweils 1.000 Benutzer ausgestattet wird.', 'should', 'wird … empfohlen'],
    ['de-DE', 'Die in diesen Abschnitten genannten Außerkraftsetzungen sollten nicht als Einzeleinträge, sondern als Schlüssel erstellt werden.', 'should', 'sollten'],
    ['de-DE', 'Anhand dieser Aufzeichnungen können Sie Fälle von Systemzugriffen durch Unbefugte leichter ermitteln.', 'info', undefined],
    ['de-DE', 'Allerdings kann dadurch die RADIUS-Authentifizierung auf dem IAS oder NPS verhindert werden.', 'info', undefined],
    ['nl-NL', 'Met MOM kunt u als volgt de werking van de servers in uw organisatie beheren:', 'info', undefined],
    ['nl-NL', 'Bovendien bepalen de voorwaarden voor het gebruik van MSDE 2000 dat u geen SQL Server-clienthulpprogramma\'s mag gebruiken om MSDE 2000-databases te bewerken.', 'must-not', 'geen … mag'],
    ['nl-NL', 'Aangezien MSDE externe netwerken niet ondersteunt, moet u MSDE op dezelfde server als RMS installeren en kunt u geen extra RMS-servers aan het RMS-cluster toevoegen.', 'must', 'moet'],
    ['nl-NL', 'Als u RMS implementeert, moet u niet alleen de productonderdelen installeren, maar moet u ook de infrastructuur op de server en op de client instellen.', 'must', 'moet'],
    ['nl-NL', 'Voor een lokale configuratie kunt u de account LocalSystem gebruiken hoewel dit niet wordt aangeraden vanwege de beveiligingsproblemen.', 'should-not', 'niet … aangeraden'],
    ['nl-NL', 'In bepaalde omstandigheden kan het nodig zijn een of meer licentieservers in te zetten die geen lid zijn van het basiscertificeringscluster.', 'info', undefined],
    ['nl-NL', 'Ga naar Microsoft Product Support Services voor meer informatie over de ondersteuningsperiode door beveiligingsupdates voor deze softwareversies of -edities.', 'info', undefined],
    ['en-US', 'Additionally, because Microsoft SQL Server Express Edition does not support remote networking, you must install it on the same server as RMS and you cannot add additional RMS servers to the RMS cluster.', 'must', 'must'],
    ['en-US', 'Because the guest account is disabled by default, and should never be enabled, renaming the account is not important.', 'info', undefined],
    ['en-US', 'If you do not do so, WSUS Reporters may not be able to access the WSUS server.', 'info', undefined],
    ['en-US', 'These configurations ensure that you do not unnecessarily download updates already on your network or in languages that you do not require.', 'info', undefined],
    ['en-US', 'You can find the Urlscan.ini file in the \\WINNT\\System32\\Inetserv\\Urlscan folder on the boot drive of your computer.', 'info', undefined],
    ['en-US', 'Some download issues may be caused by problems with running BITS on the server or client computers.', 'info', undefined],
    ['it-IT', 'If you do not have access to these files, there are problems with network connectivity between the WSUS server and the client computer.', 'info', undefined],
  ])('%s: %s', (locale, sentence, level, trigger) => {
    const m = read(locale, sentence);
    expect(m.level).toBe(level);
    expect(m.trigger?.replace(/ \(imperative\)$/, '')).toBe(trigger);
  });

  it('reads a procedure step as an instruction unless it opens like a description', () => {
    expect(read('nl-NL', 'Klik op Mapbeveiliging.', true)).toMatchObject({ level: 'must', uiAction: true });
    expect(read('de-DE', 'Die Clientkomponente überprüft, ob der die Sperrliste signierende Prinzipal angegeben ist.', true).level).toBe('info');
    expect(read('nl-NL', 'Sluit de console niet af tijdens de installatie.', true).level).toBe('must-not');
    // A passive step addressed to no one describes a process; "Vergeet niet" is "make sure"; a negation deep in a step describes.
    expect(read('nl-NL', 'Op de server wordt de symmetrische inhoudsleutel gedecodeerd met de persoonlijke sleutel van de server.', true).level).toBe('info');
    expect(read('nl-NL', 'Vergeet niet de extensie .XML te specificeren.', true)).toMatchObject({ level: 'must', trigger: 'vergeet … niet' });
    expect(read('nl-NL', 'Op de andere servers waarvoor dezelfde RMS-serviceaccount wordt gebruikt, zijn services niet meer beschikbaar omdat de referenties niet meer geldig zijn.', true).level).not.toBe('must-not');
  });
});

describe('clauses', () => {
  it('sets aside parentheses, quotes and addresses', () => {
    expect(setAside('Gebruik poort 443 (niet 80) of „Allow all” via http://go.microsoft.com/x.')).toBe(
      `Gebruik poort 443 ${' '.repeat(9)} of ${' '.repeat(11)} via ${' '.repeat(25)}.`,
    );
  });

  it.each([
    ['nl-NL', 'Als u extra servers implementeert, moet u ze als onderdeel van het cluster implementeren zodat u taakverdeling kunt instellen.', 'moet u ze als onderdeel van het cluster implementeren'],
    ['de-DE', 'Wenn Sie einen Proxyserver verwenden müssen, sollten Sie RMS für den Proxyserver konfigurieren, der die Anfragen weiterleitet.', 'sollten sie rms für den proxyserver konfigurieren'],
    ['nl-NL', 'Doet u dit toch, dan zouden meerdere toepassingen kunnen worden uitgevoerd.', 'dan zouden meerdere toepassingen kunnen worden uitgevoerd'],
    ['en-US', 'Note that you must restart the server if the update fails.', 'note that you must restart the server'],
  ])('%s main clause of: %s', (locale, sentence, main) => {
    const c = mainClause(chunks(sentence), lexiconsFor(locale)[0]!);
    expect(c.tokens.filter((_, i) => c.main[i]).join(' ')).toBe(main);
  });
});

describe('claims, per language', () => {
  const claims = (locale: string, s: string, notNeeded = false) => claimsOf(s, notNeeded, { previousPorts: [] }, claimWordsFor(locale));
  const of = (cs: Claim[], kind: Claim['kind']) => cs.filter((c) => c.kind === kind);

  it('takes every OS of a list', () => {
    expect(of(claims('nl-NL', 'Deze update is bedoeld voor Windows XP of Windows 2000.'), 'os')).toEqual([
      { kind: 'os', bound: 'only', version: '5.1', name: 'Windows XP' },
      { kind: 'os', bound: 'only', version: '5.0', name: 'Windows 2000' },
    ]);
    expect(of(claims('de-DE', 'Bei Betriebssystemen vor Windows Vista müssen Sie die RMS-Client-Software installieren.'), 'os')).toEqual([
      { kind: 'os', bound: 'before', version: '6.0', name: 'Windows Vista' },
    ]);
  });

  it.each([
    ['pt-BR', 'O cliente do RMS pode ser instalado usando-se a Diretiva de Grupo, o Windows Update ou um script administrativo.', ['group-policy', 'windows-update', 'script']],
    ['es-ES', 'Puede instalarse el cliente de RMS utilizando una directiva de grupo, Windows Update o un comando administrativo.', ['group-policy', 'windows-update']],
    ['it-IT', 'Il client RMS può essere installato tramite Criteri di gruppo, Windows Update o uno script di gestione.', ['group-policy', 'windows-update', 'script']],
    ['de-DE', 'Der RMS-Client kann anhand der Gruppenrichtlinie, von Windows Update oder einem Verwaltungsskript ausgeführt werden.', ['group-policy', 'windows-update', 'script']],
  ])('%s methods: %s', (locale, sentence, values) => {
    expect(of(claims(locale, sentence), 'method')).toEqual([{ kind: 'method', values }]);
  });

  it.each([
    ['it-IT', "L'installazione richiede privilegi amministrativi sul computer.", false, 'local-admin'],
    ['de-DE', 'Melden Sie sich als Systemadministrator an.', false, 'local-admin'],
    ['es-ES', 'Si el cliente RMS se distribuye así, el usuario no requiere privilegios de administrador y puede instalar el cliente RMS.', false, 'none'],
    ['pt-BR', 'O usuário não precisa de direitos de administrador local para instalar o cliente.', true, 'none'],
    ['nl-NL', 'Dit vereist echter wel dat de gebruiker die de RMS-client installeert over lokale beheerdersrechten op de computer moet beschikken.', false, 'local-admin'],
  ])('%s privilege: %s', (locale, sentence, notNeeded, value) => {
    expect(of(claims(locale, sentence, notNeeded), 'privilege')).toEqual([{ kind: 'privilege', value }]);
  });

  it('turns an install around where the need-not reaches it', () => {
    expect(of(claims('nl-NL', 'Daarvoor is het niet nodig dat de RMS versie 1.0-client is geïnstalleerd.', true), 'install')).toEqual([{ kind: 'install', value: 'not-required' }]);
    expect(of(claims('nl-NL', 'Met deze methode hoeft de gebruiker geen beheerder te zijn en wordt de RMS-client automatisch geïnstalleerd.', true), 'install')).toEqual([{ kind: 'install', value: 'mentioned' }]);
  });

  it.each([
    ['de-DE', 'Mit dieser Methode muss der Benutzer nicht als lokaler Administrator angemeldet sein, und der RMS-Client wird automatisch beim Neustart installiert.', []],
    ['nl-NL', 'Met deze methode wordt de RMS-client automatisch geïnstalleerd na het opnieuw opstarten.', [{ kind: 'restart', value: 'required' }]],
    ['en-US', 'You do not need to restart the computer after you install this update.', [{ kind: 'restart', value: 'not-required' }]],
    ['de-DE', 'Ein Neustart ist nach der Installation nicht erforderlich.', [{ kind: 'restart', value: 'not-required' }]],
    ['es-ES', 'El cliente RMS se instala automáticamente tras reiniciar.', [{ kind: 'restart', value: 'required' }]],
  ])('%s restart: %s', (locale, sentence, expected) => {
    expect(of(claims(locale, sentence, /not need|nicht erforderlich/.test(sentence)), 'restart')).toEqual(expected);
  });
});
