import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/extract/claims.js';
import { claimWordsFor, lexiconsFor } from '../../src/extract/lexicons/index.js';
import type { Claim } from '../../src/extract/types.js';
import { chunks, mainClause, sentenceModality } from '../../src/extract/modality.js';

// Italian sentences quoted from ../shared/corpus (rms/it-it and sample/it-it), each with the level
// and trigger a reader gives it in its article.
const read = (s: string, isStep = false) => sentenceModality(s, lexiconsFor('it-IT'), isStep);

describe('Italian modal wording', () => {
  it.each([
    ['Non installare WSUS 3.0 SP1 su Windows Server 2008 R2.', 'must-not', 'non installare'],
    ['Qualora vengano visualizzati messaggi di errore, non chiudere la pagina.', 'must-not', 'non chiudere'],
    // "I clienti che …": the relative clause on the subject ends before the main clause's modal.
    ['I clienti che hanno già installato l\'aggiornamento KB2416474 non devono eseguire una nuova installazione.', 'may', 'non devono eseguire una nuova'],
    ['I clienti che hanno già aggiornato i propri sistemi non devono eseguire ulteriori operazioni.', 'may', 'non devono eseguire ulteriori'],
    ['Tuttavia non è necessario specificare un criterio di revoca per il certificato concessore di licenze server.', 'may', 'non è necessario'],
    // Advice against, also as "si raccomanda di non" / "è preferibile non".
    ['In un ambiente di produzione in genere non è consigliabile ospitare altri componenti in un controller di dominio.', 'should-not', 'non è consigliabile'],
    ['Per ottimizzare al massimo la protezione e la gestibilità, è preferibile non utilizzare il livello funzionale misto di Windows 2000 per il supporto di RMS.', 'should-not', 'è preferibile non'],
    ['Si raccomanda di non utilizzare l\'estensione di gruppo tra insiemi di strutture se l\'insieme di strutture interessato non ha una relazione di trust.', 'should-not', 'si raccomanda di non'],
    ['Tuttavia, le procedure consigliate scoraggiano fortemente questa attribuzione di privilegi.', 'should-not', 'scoraggiano'],
    ['Si raccomanda di aggiungere all\'area Siti attendibili solo i siti effettivamente ritenuti attendibili.', 'should', 'si raccomanda'],
    // "procedure consigliate" names best practices; it advises nothing.
    ['Le procedure consigliate di protezione dei computer client e server sono state sviluppate da consulenti e tecnici di sistema.', 'info', undefined],
    // Impersonal impossibilities describe.
    ['Non è possibile installare WSUS 3.0 su unità compresse.', 'info', undefined],
    ['Non è possibile sfruttare la vulnerabilità automaticamente per posta elettronica.', 'info', undefined],
    // Pointers and loanwords are no instructions.
    ['Per verificare se tali protezioni attive sono state rese disponibili, visitare i siti Web relativi alle protezioni attive.', 'info', undefined],
    ['La parte privata di una coppia di chiavi creata nel TPM non è mai esposta ad altri componenti, software, processi o persone.', 'info', undefined],
    ['Specificare il nome del database per il cluster a cui si vuole aggiungere il server.', 'must', 'specificare'],
    ['È consigliabile applicare tutti gli aggiornamenti offerti per il software installato nei sistemi in uso.', 'should', 'consigliabile'],
    // A passive "può essere installata" says what can be done with a thing; the end user and a vulnerability are third parties.
    ['La Console remota di WSUS 3.0 SP2 può essere installata su uno dei seguenti sistemi operativi:', 'info', undefined],
    ["L'utente dovrebbe rimuovere dal computer tutte le licenze d'uso esistenti.", 'info', undefined],
    ['Questa vulnerabilità richiede che un utente apra o visualizzi in anteprima i dati in formato RTF appositamente predisposti.', 'info', undefined],
    ["È possibile che in alcune installazioni di Windows Small Business Server il sito Web IIS predefinito sia configurato in base all'impostazione Limitazioni sull'indirizzo IP.", 'info', undefined],
    ["Per fornire un livello di protezione più elevato, è possibile utilizzare un CSP basato su un modulo di protezione hardware (HSM).", 'may', 'è possibile'],
  ])('%s → %s', (sentence, level, trigger) => {
    const m = read(sentence);
    expect(m.level).toBe(level);
    expect(m.trigger?.replace(/ \(imperative\)$/, '')).toBe(trigger);
  });
});

describe('Italian relative clauses', () => {
  it.each([
    // On the subject, the relative clause ends where the main clause's modal begins.
    ['I clienti che hanno già installato l\'aggiornamento non devono eseguire una nuova installazione.', 'i clienti non devono eseguire una nuova installazione'],
    // With its own subject ("in cui viene …") or not on the subject, it runs to the chunk's end.
    ['Per implementare le revoche, è necessario distribuire un elenco di revoche che deve essere firmato.', 'per implementare le revoche è necessario distribuire un elenco di revoche'],
  ])('main clause of: %s', (sentence, main) => {
    const c = mainClause(chunks(sentence), lexiconsFor('it-IT')[0]!);
    expect(c.tokens.filter((_, i) => c.main[i]).join(' ')).toBe(main);
  });
});

describe('Italian claim words', () => {
  // The boolean says the main clause states a need-not, as sentenceModality finds.
  it.each<[string, boolean, Claim[]]>([
    ['Il client RMS è incorporato nel sistema operativo Windows Vista® e non deve più essere installato separatamente.', false, [{ kind: 'os', bound: 'from', version: '6.0', name: 'Windows Vista' }, { kind: 'builtin', value: true }, { kind: 'install', value: 'separate-not-possible' }]],
    ['I diritti di amministratore sono necessari per aggiungere componenti a questo computer.', false, [{ kind: 'privilege', value: 'local-admin' }]],
    ['Non è necessario riavviare il computer.', true, [{ kind: 'restart', value: 'not-required' }]],
    ['È possibile creare questo script e aggiungerlo a un oggetto Criteri di gruppo (GPO) come script di avvio.', false, [
      { kind: 'install', value: 'startup-script' },
      { kind: 'method', values: ['group-policy', 'script'] },
    ]],
  ])('%s', (sentence, notNeeded, claims) => {
    expect(claimsOf(sentence, notNeeded, { previousPorts: [] }, claimWordsFor('it-IT'))).toEqual(claims);
  });
});
