import type { Lexicon } from '../lexicon.js';

/** What may stand between an OS name and "or later": its edition and service pack. */
const SERVICE_PACK = '(?:server\\s+)?(?:con\\s+)?(?:(?:service pack|sp)\\s*\\d+\\w?\\s*(?:\\(sp\\d+\\w?\\)\\s*)?)?';

/** Italian. */
export const it: Lexicon = {
  language: 'it',
  modality: {
    mustNot: [
      'non deve', 'non devono', 'non dovrà', 'non dovranno', 'non si deve', 'non si devono', 'non è consentito', 'non è permesso',
      // "Non può essere lo stesso …": an identity constraint on what the reader sets up, not a description.
      'non può essere _ stess*', 'non possono essere _ stess*',
    ],
    shouldNot: [
      'non dovrebbe', 'non dovrebbero', 'non è consigliat*', 'non sono consigliat*', 'non si consiglia', 'sconsigliat*', 'sconsiglia', 'non è consigliabile', 'non è raccomandat*',
      'non si raccomanda', 'non raccomand*', 'non consigliamo', 'non è opportuno', 'si consiglia di non', 'si raccomanda di non', 'consigliamo di non', 'raccomandiamo di non',
      'è consigliabile non', 'è preferibile non', 'è opportuno non', 'scoraggi*',
    ],
    notNeeded: [
      'non è necessari*', 'non sono necessari*', 'non sarà necessari*', 'non è più necessari*', 'non richiede', 'non richiedono', 'non occorre', 'non occorrerà', 'non è obbligatori*',
      'non è richiest*', 'non sono richiest*', 'non ha bisogno', 'non hanno bisogno', "non c'è bisogno",
      // "non devono eseguire alcuna operazione / una nuova installazione / ulteriori operazioni": nothing (more) is asked of them.
      'non deve _ alcun*', 'non devono _ alcun*', 'non deve _ ulterior*', 'non devono _ ulterior*', 'non deve _ una nuova', 'non devono _ una nuova', 'non devono _ la nuova',
      'non deve _ nessun*', 'non devono _ nessun*',
    ],
    cannot: ['non è possibile', 'non può', 'non possono', 'non potrà', 'non potranno', 'non si può', 'non è più possibile'],
    must: [
      'deve', 'devono', 'dovrà', 'dovranno', 'è necessari*', 'sono necessari*', 'sarà necessari*', 'richiede', 'richiedono', 'è richiest*', 'sono richiest*', 'è obbligatori*',
      'occorre', 'occorrerà', 'bisogna', 'è indispensabile', 'assicurarsi', 'verificare che',
    ],
    // The participle alone ("le procedure consigliate", "azioni consigliati") names best practices; it advises only as a predicate.
    should: [
      'dovrebbe', 'dovrebbero', 'è consigliat*', 'sono consigliat*', 'è raccomandat*', 'sono raccomandat*', 'consiglia', 'si consiglia', 'consigliamo', 'raccomanda',
      'si raccomanda', 'raccomandiamo', 'consigliabile', 'è preferibile', 'è opportuno',
    ],
    may: ['può', 'possono', 'facoltativ*', 'è possibile', 'sarà possibile', 'si può'],
    // "Non installare …": the negative imperative is "non" with an infinitive.
    prohibitive: [/^non\s[a-zàèéìòù]+(?:are|ere|ire)\b/],
    // Administrators are whom TechNet addresses.
    reader: ['tu', 'voi', 'lei', 'amministratori'],
    // A passive "può essere installata" says what can be done with a thing; impersonal "si può" addresses the reader.
    impersonal: ['si'],
    passive: ['essere', 'viene', 'vengono', 'venire', 'si'],
    negators: ['non', 'mai', 'nessun', 'nessuna'],
    restrictors: ['solo', 'soltanto', 'sempre', 'tutti', 'tutte'],
    imperatives: ['fare'],
    // Instructions are infinitives: "Installare RMS …", "Fare clic su …".
    // Pointers ("visitare il sito", "vedere") send the reader elsewhere; "software", "hardware" are no infinitives.
    instructions: [/^(?!(?:essere|avere|potere|dovere|volere|sapere|carattere|vedere|consultare|leggere|visitare)\b|[a-z]*ware\b)[a-zàèéìòù]+(?:are|ere|ire)\b/],
    openers: ['il', 'lo', 'la', 'i', 'gli', 'le', 'un', 'uno', 'una', 'questo', 'questa', 'questi', 'queste', 'esso', 'essa', 'tale', 'tali'],
    // Also the impersonal "non è possibile" / "non si può": said of no one, it describes what cannot be done.
    hedges: ['probabilmente', 'forse', 'eventualmente', 'quindi', 'successivamente', 'pertanto', 'possibile', 'si'],
    // Also the end user of an administrator's guide, and a vulnerability (what it requires is an attack's precondition).
    thirdParties: ['malintenzionato', 'malintenzionati', 'aggressore', 'attaccante', 'pirata', 'utente', "l'utente", 'l’utente', 'vulnerabilità'],
    // "È possibile che" (it may be that) predicts; "non deve essere interpretato come" is how to read a notice.
    expectations: ['è possibile che', 'può darsi che', 'essere interpretat*', 'essere dedott*'],
    pointers: ['per ulteriori informazioni', 'per altre informazioni', 'per maggiori informazioni', '^ vedere', '^ consultare'],
    limiters: ['solo', 'soltanto', 'solamente', 'unicamente'],
    proDrop: true,
  },
  clauses: {
    subordinators: ['se', 'quando', 'perché', 'poiché', 'sebbene', 'benché', 'mentre', 'prima che', 'dopo che', 'finché', 'affinché', 'in modo che', 'a meno che'],
    relativizers: ['che', 'cui', 'quale', 'quali', 'dove', 'come'],
    then: ['allora'],
    ambiguous: [],
    afterComma: [],
    transparent: ['assicurarsi che', 'verificare che', 'tenere presente che', 'si noti che', 'notare che', 'significa che'],
    subjectRelativeEnds: true,
    concessive: ['sebbene', 'benché', 'anche se'],
  },
  actions: ['fare', 'fate', 'aprire', 'digitare', 'scegliere', 'selezionare', 'espandere', 'chiudere', 'premere', 'passare', 'individuare'],
  claims: {
    admin: ['privilegi di amministratore', 'privilegi amministrativi', 'diritti di amministratore', 'diritti amministrativi', 'amministratore locale', 'autorizzazioni di amministratore', 'gruppo administrators'],
    negators: ['non', 'senza', 'nessun\\w*'],
    coordinators: ['e', 'ma'],
    builtin: ['incluso in', 'integrato in', 'incorporat[oa] (?:in|nel)', 'parte del sistema operativo'],
    install: ['installa'],
    separately: ['separatamente', 'a parte'],
    startupScript: ['script di avvio'],
    activation: ['attivaz', 'attivar'],
    local: ['localmente', 'locale'],
    network: ['connessione di rete', 'accesso alla rete'],
    portWords: ['porta', 'porte'],
    portReference: ['queste porte', 'tali porte'],
    rootCluster: ['cluster radice', 'cluster principale'],
    licensingCluster: ['cluster di licenze', 'cluster di gestione licenze', 'solo licenze'],
    restart: ['riavvi'],
    restartTiming: ['al riavvio', 'durante il riavvio', 'al successivo riavvio'],
    integrity: ['integrità', 'firma digitale', 'hash'],
    methods: {
      'group-policy': ['criteri di gruppo', 'criterio di gruppo', 'gpo\\b'],
      'windows-update': ['windows update', 'microsoft update', 'aggiornament[oi] automatic[oi]'],
      script: ['script'],
      sms: ['\\bsms\\b', 'systems management server', 'configuration manager'],
      download: ['scaricar', 'scarica', 'download'],
    },
    osBefore: ['precedenti a', 'prima di', 'anteriori a'],
    osFrom: ['a partire da', '\\bda'],
    // After the OS name, its service pack may come first ("Windows 2000 con Service Pack 3 (SP3) o posterior").
    osAndLater: ['e versioni successive', 'o versioni successive', 'o successiv', 'e successiv', 'è il requisito minimo'].map((w) => `${SERVICE_PACK}${w}`),
  },
};
