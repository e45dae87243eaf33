import type { Lexicon } from '../lexicon.js';

/**
 * "No" with a subjunctive forbids ("No instale", "No haga"). The present subjunctive of -ar verbs
 * ends in -e like the indicative of -er/-ir verbs ("no ofrece", "no incluye", "no hace falta"):
 * those indicative endings and the common indicatives of other shapes are left out.
 */
function prohibitive(): RegExp {
  const statements = [
    'obstante', 'sólo', 'solo', 'es', 'se', 'hay', 'está', 'están', 'son', 'ha', 'han', 'sea', 'sean', 'era', 'fue', 'aplicable', 'siempre', 'este', 'ese', 'le', 'les',
    'debe', 'deben', 'debería', 'deberían', 'puede', 'pueden', 'permite', 'permiten', 'admite', 'admiten', 'emite', 'emiten', 'transmite', 'transmiten', 'omite', 'omiten',
    'cumple', 'cumplen', 'cambia', 'afecta', 'funciona', 'necesita', 'necesitan', 'hace', 'hacen', 'satisface', 'suele', 'suelen',
  ];
  const indicative = '(?:[a-záéíóúñ]*(?:[^i]ece|uye|iene|ende|ibe|iere|curre|ume|ige|uelve|ponde|ede|ebe|ompe|iste|mente)n?)';
  return new RegExp(
    `^no\\s(?!(?:${statements.join('|')}|${indicative})(?:\\s|$))(?:[a-záéíóúñ]+(?:e|en)|haga|hagan|abra|escriba|elija|incluya|ejecute|añada|permita|comparta)(?![a-záéíóúñ])`,
  );
}

/** What may stand between an OS name and "or later": its edition and service pack. */
const SERVICE_PACK = '(?:server\\s+)?(?:con\\s+(?:el\\s+)?)?(?:(?:service pack|sp)\\s*\\d+\\w?\\s*(?:\\(sp\\d+\\w?\\)\\s*)?)?';

/** Spanish. */
export const es: Lexicon = {
  language: 'es',
  modality: {
    mustNot: [
      'no debe', 'no deben', 'no deberá', 'no deberán', 'no se debe', 'no se deben', 'no debería nunca', 'nunca debe', 'nunca deben', 'no está permitido', 'no se permite',
      // "No puede ser el mismo …": an identity constraint on what the reader sets up, not a description.
      'no puede ser _ mism*', 'no pueden ser _ mism*',
    ],
    shouldNot: [
      'no debería', 'no deberían', 'no se recomienda', 'no es recomendable', 'no recomendamos', 'no recomienda', 'no recomiendan', 'no es aconsejable', 'no se aconseja',
      'no conviene', 'desaconseja', 'se desaconseja', 'se recomienda no', 'recomendamos no', 'es recomendable no', 'es preferible no', 'no es el enfoque recomendado',
      'no constituye el enfoque recomendado',
    ],
    notNeeded: [
      'no es necesario', 'no es necesaria', 'no son necesari*', 'no será necesari*', 'no necesita', 'no necesitan', 'no requiere', 'no requieren', 'no se requiere',
      'no tiene que', 'no tienen que', 'no hace falta', 'no es obligatorio', 'no es preciso',
      // "no deben realizar ninguna acción": no action is asked of them.
      'no deben _ ninguna acción', 'no debe _ ninguna acción', 'no deben _ ningún', 'no debe _ ningún',
    ],
    cannot: ['no se puede', 'no se pueden', 'no puede', 'no pueden', 'no podrá', 'no podrán', 'no se podrá', 'no se podrán', 'ya no se puede', 'no es posible'],
    must: [
      'debe', 'deben', 'deberá', 'deberán', 'es necesari*', 'son necesari*', 'será necesari*', 'requiere', 'requieren', 'se requiere', 'es obligatori*', 'tiene que', 'tienen que', 'tendrá que', 'tendrán que',
      'hay que', 'hace falta', 'es preciso', 'será preciso', 'asegúrese', 'compruebe que', '^ requerido', '^ requerida', '^ obligatorio',
    ],
    // "debe considerar …", "Considere …": advice to weigh something, not an obligation.
    should: ['debería', 'deberían', 'debe considerar', 'deben considerar', '^ considere', 'recomienda', 'recomendable', 'se recomienda', 'recomendamos', 'aconsejable', 'conviene', 'es preferible'],
    may: ['puede', 'pueden', 'podrá', 'podrán', 'opcional', 'es posible', 'será posible'],
    // "No instale …", "No utilice …": the negative imperative is "no" with a subjunctive.
    prohibitive: [prohibitive()],
    // Administrators are whom TechNet addresses ("Los administradores pueden usar …").
    reader: ['usted', 'ustedes', 'su', 'administradores'],
    // A passive "puede ser instalado" says what can be done with a thing; impersonal "se puede" addresses the reader.
    impersonal: ['se'],
    passive: ['se', 'ser', 'sea', 'sean'],
    negators: ['no', 'nunca', 'ningún', 'ninguna'],
    restrictors: ['solo', 'sólo', 'obstante', 'siempre', 'todos', 'todas'],
    imperatives: [
      'instale', 'configure', 'seleccione', 'haga', 'abra', 'escriba', 'vaya', 'use', 'utilice', 'compruebe', 'asegúrese', 'ejecute', 'cree', 'agregue', 'quite',
      'elimine', 'habilite', 'deshabilite', 'desactive', 'especifique', 'limite', 'descargue', 'copie', 'reinicie', 'inicie', 'cierre', 'elija', 'establezca',
      'implemente', 'mueva', 'pruebe', 'aplique', 'defina', 'revise', 'actualice', 'asigne', 'conceda', 'cambie', 'expanda', 'busque', 'guarde', 'registre',
      'exporte', 'importe', 'firme', 'espere', 'introduzca', 'proporcione', 'mantenga', 'inicie', 'desinstale', 'agregue', 'escoja', 'anote', 'detenga',
      'guarde', 'almacene', 'conserve', 'deje', 'evite', 'planee', 'prepare', 'identifique', 'documente', 'valide', 'confirme', 'otorgue',
      'proteja', 'realice', 'marque', 'desmarque', 'reemplace', 'modifique', 'edite', 'bloquee', 'restrinja', 'localice', 'inserte', 'examine', 'analice',
      'programe', 'distribuya', 'publique', 'conecte', 'desconecte', 'cifre', 'descifre', 'asegure', 'separe',
    ],
    // "Active la directiva …", but "Active Directory es …" names a product.
    instructions: [/^active(?=\s)(?!\s+directory\b)/],
    openers: ['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esto', 'eso', 'él', 'ella', 'ellos', 'ellas'],
    // Also the impersonal "no se puede" / "no es posible": said of no one, it describes what cannot be done.
    hedges: ['probablemente', 'posiblemente', 'quizás', 'después', 'posteriormente', 'tanto', 'posible', 'se'],
    // Also the end user of an administrator's guide, and a vulnerability (what it requires is an attack's precondition).
    thirdParties: ['atacante', 'atacantes', 'malintencionado', 'malintencionados', 'usuario', 'vulnerabilidad'],
    // Cross-references send the reader elsewhere; "se debe a" (is due to) gives a cause, not an obligation.
    pointers: ['para obtener más información', 'para más información', '^ vea', '^ consulte', 'puede encontrar'],
    // "Es posible que" / "puede que" (it may be that) predict; "no debe interpretarse como" is how to read a notice.
    expectations: ['se debe a', 'se deben a', 'es posible que', 'puede que', 'debe interpretarse', 'deben interpretarse', 'debe inferirse'],
    limiters: ['solo', 'sólo', 'solamente', 'únicamente'],
    proDrop: true,
  },
  clauses: {
    subordinators: ['si', 'cuando', 'porque', 'aunque', 'mientras', 'antes de que', 'después de que', 'hasta que', 'para que', 'de modo que', 'de forma que', 'ya que', 'puesto que', 'a menos que'],
    // Also the words of indirect questions ("se describe cuándo se pueden necesitar").
    relativizers: ['que', 'quien', 'quienes', 'cuyo', 'cuya', 'donde', 'cómo', 'cual', 'cuales', 'cuándo', 'dónde', 'qué', 'cuál'],
    then: ['entonces'],
    ambiguous: [],
    afterComma: [],
    transparent: ['asegúrese de que', 'tenga en cuenta que', 'compruebe que', 'observe que', 'recuerde que', 'quiere decir que', 'significa que'],
    subjectRelativeEnds: true,
    concessive: ['aunque'],
  },
  actions: ['haga', 'abra', 'escriba', 'vaya', 'seleccione', 'expanda', 'cierre', 'presione', 'elija', 'busque', 'desplácese', 'active', 'desactive'],
  claims: {
    admin: ['derechos de administrador', 'privilegios de administrador', 'privilegios administrativos', 'derechos administrativos', 'administrador local', 'permisos de administrador', 'grupo administradores'],
    negators: ['no', 'sin', 'ningún', 'ninguna'],
    coordinators: ['y', 'pero', 'sino'],
    builtin: ['incluido en', 'integrado en', 'incorporado en', 'parte del sistema operativo'],
    install: ['instala'],
    separately: ['por separado', 'independiente'],
    startupScript: ['script de inicio', 'secuencia de comandos de inicio'],
    activation: ['activaci', 'activar'],
    local: ['localmente', 'local'],
    network: ['conexión de red', 'acceso a la red'],
    portWords: ['puerto', 'puertos'],
    portReference: ['estos puertos', 'esos puertos'],
    rootCluster: ['clúster raíz', 'cluster raíz'],
    licensingCluster: ['clúster de licencias', 'sólo licencias', 'solo licencias'],
    restart: ['reinici'],
    restartTiming: ['al reiniciar', 'durante el reinicio', 'en el próximo reinicio'],
    integrity: ['integridad', 'firma digital', 'hash'],
    methods: {
      'group-policy': ['directivas? de grupo', 'gpo\\b'],
      'windows-update': ['windows update', 'microsoft update', 'actualizaci[oó]n(?:es)? autom[aá]tica'],
      script: ['script', 'secuencias? de comandos'],
      sms: ['\\bsms\\b', 'systems management server', 'configuration manager'],
      download: ['descarga', 'descargar'],
    },
    osBefore: ['anteriores? a', 'antes de', 'previos? a'],
    osFrom: ['a partir de', 'desde'],
    // After the OS name, its service pack may come first ("Windows 2000 con Service Pack 3 (SP3) o posterior").
    osAndLater: ['y posterior', 'o posterior', 'y versiones posteriores', 'o versiones posteriores', 'es el requisito mínimo'].map((w) => `${SERVICE_PACK}${w}`),
  },
};
