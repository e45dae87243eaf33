import type { Lexicon } from '../lexicon.js';

/** German. */
export const de: Lexicon = {
  language: 'de',
  modality: {
    mustNot: [
      'darf … nicht', 'dürfen … nicht', 'darf … kein*', 'dürfen … kein*', 'darf … nie*', 'dürfen … nie*', 'kann nicht mehr', 'können nicht mehr', 'nicht zulässig', 'nicht erlaubt', 'nicht gestattet',
    ],
    shouldNot: [
      'besser … nicht', 'besser … kein*', 'sollte … nicht', 'sollten … nicht', 'sollte … kein*', 'sollten … kein*', 'nicht empfohlen', 'nicht zu empfehlen', 'abgeraten', 'raten … ab', 'rät … ab', 'nicht ratsam',
    ],
    notNeeded: [
      'muss … nicht', 'müssen … nicht', 'muss … kein*', 'müssen … kein*', 'braucht … nicht', 'brauchen … nicht', 'braucht … kein*', 'brauchen … kein*',
      'nicht … erforderlich', 'nicht … notwendig', 'nicht … nötig', 'nicht benötigt', 'nicht vorausgesetzt', 'kein* … erforderlich', 'kein* … benötigt', 'kein* … notwendig',
      'benötigt … kein*', 'benötigen … kein*', 'erfordert … kein*', 'erfordern … kein*',
    ],
    cannot: ['kann … weder', 'können … weder', 'kann … nicht', 'können … nicht', 'kann … kein*', 'können … kein*', 'nicht möglich', 'nicht mehr möglich', 'ist … nicht … möglich'],
    must: ['vergessen sie nicht', 'muss', 'müssen', 'erforderlich', 'benötigt', 'benötigen', 'notwendig', 'erfordert', 'erfordern', 'vorausgesetzt', 'stellen … sicher'],
    should: ['sollte', 'sollten', 'wird … empfohlen', 'werden … empfohlen', 'ist … empfohlen', 'empfiehlt', 'empfehlen', 'ratsam', 'am besten'],
    may: ['kann', 'können', 'darf', 'dürfen', 'optional', 'kann … erforderlich', 'kann … notwendig', 'kann … nötig'],
    // "Installieren Sie den Client nicht …": an imperative (verb, then "Sie") with a negation.
    prohibitive: [/^(?!(?:beachten|sofern|soweit|wenn|falls|müssen|können|dürfen|sollten|werden|haben|sind|wollen|möchten)(?:\s|$))\S+(?:en|ern|eln)\ssie\s(?:\S+\s){0,10}?(?:nicht|keine[nmrs]?|niemals)\b(?!\s(?:nur|von|mehr|alle|immer|unbedingt)\b)/],
    reader: ['sie', 'ihr', 'ihre', 'ihren'],
    passive: ['werden', 'wird', 'worden', 'wurde', 'wurden'],
    // A passive "can" says what can happen ("may be caused", "kann … verhindert werden"); an impersonal subject addresses the reader.
    impersonal: ['man'],
    negators: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals'],
    restrictors: ['nur', 'von', 'mehr', 'alle', 'immer', 'unbedingt'],
    imperatives: [],
    // "Geben Sie … ein", "Klicken Sie auf …": an infinitive form first, then "Sie".
    instructions: [/^(?!(?:beachten|sofern|soweit|wenn|falls|müssen|können|dürfen|sollten|sollen|werden|wurden|haben|hatten|sind|waren|wollen|möchten|finden|lesen|sehen|wenden|erhalten|benötigen|brauchen|verfügen|kennen|wissen)\s)[a-zäöüß]+(?:en|ern|eln)\ssie\b/],
    openers: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'dieser', 'diese', 'dieses', 'es', 'er', 'sie', 'wir', 'man', 'jeder', 'alle'],
    hedges: ['wahrscheinlich', 'vermutlich', 'möglicherweise', 'eventuell', 'danach', 'dadurch', 'daher', 'anschließend'],
    thirdParties: ['angreifer', 'angreifers', 'böswilliger', 'böswillige'],
    proDrop: false,
    // "… sollte daher für die meisten Benutzer keine Nutzbarkeitsprobleme verursachen": a prediction.
    expectations: ['sollte … probleme', 'sollten … probleme', 'sollte … nutzbarkeitsprobleme', 'sollten … nutzbarkeitsprobleme', 'sollte … auswirkungen', 'sollten … auswirkungen', 'sollte … aussehen', 'sollten … aussehen'],
    pointers: ['weitere informationen', 'finden sie', '^ siehe'],
    instruments: ['mit', 'anhand', 'dank'],
    limiters: ['nur', 'ausschließlich', 'allein', 'anstatt'],
  },
  clauses: {
    subordinators: ['wenn', 'falls', 'sofern', 'soweit', 'weil', 'obwohl', 'bevor', 'nachdem', 'damit', 'sodass', 'ob', 'während', 'sobald', 'solange', 'indem', 'wodurch', 'womit', 'wobei', 'worauf', 'um'],
    relativizers: ['dass', 'wie', 'was'],
    then: ['so', 'dann'],
    // "Da dieser Server … speichern muss, wird empfohlen …": "da" opening a chunk is "since".
    ambiguous: ['als', 'da'],
    inversion: ['sollte', 'sollten'],
    concessive: ['obwohl', 'obgleich', 'wenngleich'],
    contrast: ['sondern'],
    afterComma: ['der', 'die', 'das', 'dem', 'den', 'deren', 'dessen', 'welche', 'welcher', 'welches', 'welchen', 'wo', 'da'],
    transparent: ['stellen … sicher dass', 'beachten … dass', 'vergewissern … dass', 'achten … darauf dass', 'berücksichtigen … dass'],
  },
  actions: ['klicken', 'doppelklicken', 'öffnen', 'geben', 'zeigen', 'erweitern', 'schließen', 'drücken', 'wählen', 'markieren', 'navigieren', 'aktivieren', 'deaktivieren'],
  claims: {
    admin: ['administratorrechte', 'administratorberechtigung', 'lokale[rn]? administrator', 'systemadministrator', 'administratorprivilegien', 'administrative[rn]? (?:rechte|berechtigungen)', 'gruppe administratoren', 'administratorkonto'],
    negators: ['kein\\w*', 'nicht', 'ohne'],
    coordinators: ['und', 'aber', 'sondern'],
    builtin: ['bestandteil (?:von|des)', 'integriert in', 'in [^.]{0,30}integriert'],
    install: ['installier', 'installation'],
    separately: ['separat', 'gesondert', 'eigenständig'],
    startupScript: ['startskript', 'start-?up-skript'],
    activation: ['aktivier'],
    local: ['lokal', 'lokales', 'lokale', 'lokalen'],
    network: ['netzwerkverbindung', 'netzwerkzugriff', 'internetverbindung', 'über das internet'],
    portWords: ['port', 'ports', 'anschluss'],
    portReference: ['diese ports', 'diesen ports'],
    rootCluster: ['stammcluster', 'stamm-', 'rms-stammverzeichnis'],
    licensingCluster: ['lizenzierungscluster'],
    restart: ['neustart', 'neu start', 'neu gestartet', 'neu zu starten'],
    restartSuppressed: ['unterdrückt', 'unterdrücken'],
    restartTiming: ['beim neustart', 'bei jedem neustart', 'beim nächsten neustart', 'während des neustarts'],
    integrity: ['integrität', 'digitale signatur', 'signatur', 'hash'],
    methods: {
      'group-policy': ['gruppenrichtlinie', 'gpo\\b'],
      'windows-update': ['windows update', 'microsoft update'],
      script: ['skript', 'script', 'batchdatei'],
      sms: ['\\bsms\\b', 'systems management server', 'configuration manager'],
      download: ['herunterladen', 'download'],
    },
    orderBefore: ['bevor'],
    orderAfter: ['nachdem', 'erst wenn'],
    osBefore: ['\\bvor', 'älter als', 'früher als'],
    osFrom: ['\\bab', 'beginnend mit'],
    osAndLater: ['und höher', 'oder höher', 'und später', 'oder später', 'und neuer'],
  },
};
