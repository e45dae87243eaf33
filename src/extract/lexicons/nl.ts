import type { Lexicon } from '../lexicon.js';

/** Dutch. */
export const nl: Lexicon = {
  language: 'nl',
  modality: {
    mustNot: [
      'mag … niet', 'mogen … niet', 'mag … geen', 'mogen … geen', 'mag … nooit', 'mogen … nooit',
      'kan niet langer', 'kunnen niet langer', 'moet … niet', 'moeten … niet', 'moet … geen', 'moeten … geen', 'moet … nooit', 'moeten … nooit',
      'dient … niet', 'dienen … niet', 'dient … geen', 'dienen … geen', 'niet toegestaan', 'is … verboden',
      // Verb-last order of a reported rule ("bepalen dat u geen … mag gebruiken").
      'geen … mag', 'geen … mogen', 'niet … mag', 'niet … mogen',
    ],
    shouldNot: [
      'beter … niet', 'beter … geen', 'afgeraden', 'raden … af', 'raadt … af', 'zou … niet', 'zouden … niet', 'zou … geen', 'zouden … geen',
      'niet aanbevolen', 'niet aan te raden', 'geen aanrader', 'niet … aangeraden', 'niet … aanbevolen',
    ],
    notNeeded: [
      'hoeft … niet', 'hoeft … geen', 'hoeven … niet', 'hoeven … geen', 'geen … nodig', 'niet nodig', 'niet vereist', 'geen … vereist',
      'niet … noodzakelijk', 'niet verplicht', 'niet … nodig', 'niet … vereist',
    ],
    cannot: ['kan … niet', 'kunnen … niet', 'kunt … niet', 'kan … geen', 'kunnen … geen', 'kunt … geen', 'niet mogelijk', 'niet meer mogelijk'],
    // "Vergeet niet … te specificeren": do not forget = make sure.
    must: ['vergeet … niet', 'moet', 'moeten', 'dient … te', 'dienen … te', 'vereist', 'vereisen', 'noodzakelijk', 'verplicht', 'nodig', 'zorg … dat', 'zorg … voor', 'zorgen … dat'],
    should: ['wordt … aanbevolen', 'worden … aanbevolen', 'is … aanbevolen', 'aanbevolen om', 'aanbevolen dat', 'wordt … aangeraden', 'worden … aangeraden', 'aangeraden om', 'het beste', 'doet … er goed aan', 'raden … aan', 'raadt … aan', 'zou … moeten', 'zouden … moeten', 'verdient de voorkeur', 'is het raadzaam', 'raadzaam'],
    // "Kan het nodig zijn": a possibility, more specific than "nodig".
    may: ['kan', 'kunt', 'kunnen', 'mag', 'mogen', 'optioneel', 'kan … nodig', 'kan … noodzakelijk', 'kan … vereist'],
    // "Installeer de client niet op …", "Gebruik geen …": an imperative verb and a negation.
    prohibitive: [/^(?:installeer|gebruik|verwijder|wijzig|start|sluit|configureer|schakel|voer|plaats|geef|kies|selecteer|sla|verplaats|deel|maak|pas)\s(?:\S+\s){0,8}?(?:niet|geen|nooit)\b/],
    reader: ['u', 'je', 'jij', 'uw'],
    passive: ['worden', 'wordt', 'werd', 'werden'],
    // No `impersonal`: "kan … worden geïnstalleerd" is an option for the administrator (the seed's requirements 8 and 10).
    negators: ['niet', 'geen', 'nooit'],
    restrictors: ['alleen', 'enkel', 'van', 'meer', 'altijd', 'per', 'zo'],
    imperatives: [
      'installeer', 'gebruik', 'klik', 'dubbelklik', 'geef', 'meld', 'sluit', 'typ', 'zorg', 'open', 'selecteer', 'kies', 'voer', 'start', 'stop', 'ga', 'wijs',
      'vouw', 'schakel', 'controleer', 'configureer', 'maak', 'verwijder', 'wijzig', 'voeg', 'sla', 'kopieer', 'plaats', 'stel', 'richt', 'test', 'download',
      'blader', 'druk', 'vink', 'activeer', 'deactiveer', 'implementeer', 'distribueer', 'verplaats', 'hernoem', 'zoek', 'bevestig', 'beperk', 'bewaar',
      'registreer', 'exporteer', 'importeer', 'onderteken', 'wacht', 'herstart', 'vernieuw', 'verifieer', 'noteer', 'beveilig', 'bezoek', 'maak', 'wijs', 'ken', 'houd', 'bekijk',
    ],
    // Dutch instructions in the present tense, verb first: "(Als …,) geeft u een account op".
    instructions: [/^(?!(?:hebt|heeft|bent|is|wilt|wordt|kunt|moet|mag|zult|ziet|vindt|leest|krijgt|ontvangt|weet|hoeft)\s)[a-zà-ü]+t\su\b/],
    openers: ['de', 'het', 'een', 'deze', 'dit', 'die', 'dat', 'hij', 'zij', 'ze', 'wij', 'we', 'er', 'elke', 'alle', 'sommige', 'hier'],
    hedges: ['waarschijnlijk', 'misschien', 'wellicht', 'daardoor', 'hierdoor', 'daarna', 'vervolgens'],
    thirdParties: ['aanvaller', 'aanvallers', 'kwaadwillende'],
    proDrop: false,
    pointers: ['voor meer informatie', '^ zie', 'meer informatie over'],
    instruments: ['met', 'dankzij'],
    limiters: ['alleen', 'enkel', 'uitsluitend'],
  },
  clauses: {
    subordinators: ['wanneer', 'indien', 'aangezien', 'ongeacht', 'omdat', 'doordat', 'zodat', 'tenzij', 'voordat', 'nadat', 'terwijl', 'hoewel', 'zodra', 'totdat', 'om'],
    relativizers: ['die', 'dat', 'wat', 'welke', 'wie', 'waar', 'hoe', 'waarbij', 'waardoor', 'waarmee', 'waarin', 'waarop', 'waarvoor', 'waarna'],
    then: ['dan'],
    ambiguous: ['als'],
    afterComma: [],
    concessive: ['hoewel', 'ofschoon'],
    // "De voorwaarden bepalen dat u geen … mag gebruiken": a reported rule binds the reader.
    transparent: ['bepalen … dat', 'bepaalt … dat', 'zorg … dat', 'zorg … voor dat', 'let … op dat', 'houd … rekening … mee dat', 'controleer … of', 'houd er rekening mee dat'],
  },
  actions: [
      'klik', 'dubbelklik', 'open', 'typ', 'ga', 'wijs', 'vouw', 'sluit', 'druk', 'blader', 'sleep', 'schakel', 'vink', 'voer', 'kies', 'selecteer', 'klikt',
  ],
  claims: {
    admin: ['beheerdersrechten', 'beheerdersbevoegdheden', 'beheerdersmachtiging', 'systeembeheerder', 'lokale beheerder', 'administratorrechten', 'groep administrators', 'beheerdersaccount'],
    negators: ['geen', 'niet', 'zonder'],
    coordinators: ['en', 'maar', 'dus'],
    builtin: ['onderdeel van (?:het )?[^.]{0,40}besturingssysteem', 'maakt deel uit van', 'ingebouwd in', 'geïntegreerd in'],
    install: ['geïnstalleerd', 'geiïnstalleerd', 'installe', 'installatie'],
    separately: ['afzonderlijk', 'apart'],
    startupScript: ['opstartscript'],
    activation: ['activer', 'geactiveerd', 'activering', 'activatie'],
    local: ['lokaal', 'lokale'],
    network: ['netwerkverbinding', 'netwerktoegang', 'internetverbinding', 'via (?:het )?internet'],
    portWords: ['poort', 'poorten'],
    portReference: ['deze poorten', 'die poorten'],
    rootCluster: ['basiscluster', 'basis-', 'certificeringscluster'],
    licensingCluster: ['licentiecluster', 'licentie-'],
    restart: ['opnieuw opstarten', 'opnieuw (?:wordt|worden) opgestart', 'opnieuw op te starten', 'herstart'],
    restartSuppressed: ['onderdrukt', 'onderdrukken'],
    restartTiming: ['bij het opnieuw opstarten', 'tijdens het opnieuw opstarten', 'bij elke herstart'],
    integrity: ['integriteit', 'digitale handtekening', 'hash'],
    methods: {
      'group-policy': ['groeps?beleid', 'gpo\\b'],
      'windows-update': ['windows update', 'microsoft update'],
      script: ['script', 'batchbestand'],
      sms: ['\\bsms\\b', 'systems management server', 'configuration manager'],
      download: ['downloaden', 'download'],
    },
    orderBefore: ['voordat', 'alvorens'],
    orderAfter: ['nadat', 'totdat', 'pas als'],
    osBefore: ['vóór', 'eerder dan', 'ouder dan', 'voorafgaand aan'],
    osFrom: ['vanaf', 'beginnend met'],
    osAndLater: ['en later', 'of later', 'en hoger', 'of hoger', 'en nieuwer', 'of nieuwer'],
  },
};
