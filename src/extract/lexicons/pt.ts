import type { Lexicon } from '../lexicon.js';

/**
 * "Não" with a subjunctive forbids ("Não instale", "Não faça"). The present subjunctive of -ar
 * verbs ends in -e like the indicative of -er/-ir verbs ("não exige", "não fornece"): those
 * indicative endings and the common indicatives of other shapes are left out.
 */
/** Subjunctives of -er/-ir verbs (and irregular ones), which end in -a: "Não forneça", "Não faça". */
const SUBJUNCTIVES = [
  'faça', 'façam', 'desfaça', 'abra', 'escolha', 'inclua', 'exclua', 'conclua', 'atribua', 'distribua', 'substitua', 'permita', 'forneça', 'ofereça', 'estabeleça', 'esqueça',
  'escreva', 'mova', 'remova', 'responda', 'exponha', 'ponha', 'interrompa', 'leia', 'veja', 'peça', 'siga', 'divida', 'exija', 'receba', 'resolva', 'mantenha', 'obtenha',
  'reduza', 'traga', 'diga', 'dê', 'vá', 'compartilhe',
];

function prohibitive(): RegExp {
  const statements = [
    'é', 'há', 'se', 'está', 'estão', 'são', 'foi', 'pode', 'podem', 'deve', 'devem', 'deveria', 'requer', 'precisa', 'precisam', 'tem', 'têm', 'inclui', 'suporta', 'seja',
    'sejam', 'afeta', 'houve', 'permite', 'permitem', 'admite', 'admitem', 'emite', 'emitem', 'transmite', 'transmitem', 'abre', 'abrem', 'cobre', 'cobrem', 'sabe', 'cabe',
    'somente', 'apenas', 'sempre', 'mais', 'me', 'lhe', 'lhes', 'te',
  ];
  const indicative = '(?:[a-zçãõáéíóúâê]*(?:ece|ige|iste|ende|onde|ebe|eve|ove|olve|ume|orre|mpe|mente)m?)';
  return new RegExp(
    `^não\\s(?!(?:${statements.join('|')}|${indicative})(?:\\s|$))(?:[a-zçãõáéíóúâê]+(?:e|em)|${SUBJUNCTIVES.join('|')})(?![a-zçãõáéíóúâê])`,
  );
}

/** What may stand between an OS name and "or later": its edition and service pack. */
const SERVICE_PACK = '(?:server\\s+)?(?:com\\s+(?:o\\s+)?)?(?:(?:service pack|sp)\\s*\\d+\\w?\\s*(?:\\(sp\\d+\\w?\\)\\s*)?)?';

/** Portuguese (pt-BR and pt-PT). */
export const pt: Lexicon = {
  language: 'pt',
  modality: {
    mustNot: [
      'não deve', 'não devem', 'não deverá', 'não deverão', 'nunca deve', 'nunca devem', 'não é permitido', 'não se deve',
      // "não pode ser a mesma conta": an identity constraint on what the reader sets up, not a description.
      'não pode ser _ mesm*', 'não podem ser _ mesm*',
    ],
    shouldNot: [
      'não deveria', 'não deveriam', 'não é recomendad*', 'não recomendamos', 'não recomenda', 'não recomendam', 'não se recomenda', 'não é recomendável', 'não é aconselhável',
      'recomenda se não', 'recomendamos não', 'recomendamos que não', 'recomendável que _ não', 'recomendável não', 'é preferível não',
    ],
    notNeeded: [
      'não é necessári*', 'não são necessári*', 'não será necessári*', 'não é preciso', 'não precisa', 'não precisam', 'não precisará', 'não precisarão', 'não requer', 'não requerem',
      'não exige', 'não exigem', 'não tem que', 'não têm que', 'não tem de', 'não têm de', 'não é obrigatóri*',
    ],
    cannot: ['não é possível', 'não pode', 'não podem', 'não poderá', 'não poderão', 'não se pode', 'não será possível'],
    must: [
      'deve', 'devem', 'deverá', 'deverão', 'é necessári*', 'são necessári*', 'será necessári*', 'é preciso', 'será preciso', 'requer', 'requerem', 'exige', 'exigem',
      'é obrigatóri*', 'precisa', 'precisam', 'precisará', 'precisarão', 'tem que', 'têm que', 'tem de', 'têm de', 'terá que', 'terão que', 'terá de', 'terão de', 'certifique se', 'verifique se',
    ],
    // The participle alone ("práticas recomendadas") names best practices; it advises only as a predicate.
    // "Considere usar …": advice to weigh something, not an obligation.
    should: ['deveria', 'deveriam', '^ considere', 'é recomendad*', 'são recomendad*', 'recomenda', 'recomendável', 'recomendamos', 'aconselhável', 'é preferível'],
    may: ['pode', 'podem', 'poderá', 'poderão', 'opcional', 'é possível', 'será possível'],
    // "Não instale …": the negative imperative is "não" with a subjunctive.
    prohibitive: [prohibitive()],
    // Administrators are whom TechNet addresses ("Os administradores podem usar …").
    reader: ['você', 'vocês', 'administradores'],
    // A passive "pode ser instalado" says what can be done with a thing; "pode-se" addresses the reader.
    impersonal: ['se'],
    passive: ['ser', 'se', 'seja', 'sejam'],
    negators: ['não', 'nunca', 'nenhum', 'nenhuma'],
    restrictors: ['apenas', 'somente', 'só', 'sempre', 'todos', 'todas'],
    imperatives: [
      'instale', 'configure', 'selecione', 'clique', 'abra', 'digite', 'vá', 'use', 'utilize', 'verifique', 'certifique', 'execute', 'crie', 'adicione', 'remova',
      'exclua', 'habilite', 'desabilite', 'ative', 'desative', 'especifique', 'limite', 'baixe', 'copie', 'reinicie', 'inicie', 'feche', 'escolha', 'defina',
      'implante', 'mova', 'teste', 'aplique', 'atualize', 'atribua', 'conceda', 'altere', 'expanda', 'salve', 'registre', 'exporte', 'importe', 'assine',
      'aguarde', 'forneça', 'mantenha', 'faça', 'desinstale', 'implemente', 'pare',
      'guarde', 'anote', 'armazene', 'conserve', 'deixe', 'evite', 'planeje', 'prepare', 'identifique', 'documente', 'valide', 'confirme',
      'realize', 'marque', 'desmarque', 'substitua', 'modifique', 'edite', 'bloqueie', 'restrinja', 'revise', 'localize', 'insira', 'confira',
      'examine', 'analise', 'agende', 'distribua', 'publique', 'conecte', 'desconecte', 'informe', 'digitalize', 'criptografe', 'descriptografe',
    ],
    instructions: [],
    openers: ['o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'este', 'esta', 'estes', 'estas', 'esse', 'essa', 'isso', 'isto', 'ele', 'ela', 'eles', 'elas'],
    // Also the impersonal "não é possível": said of no one, it describes what cannot be done.
    hedges: ['provavelmente', 'possivelmente', 'talvez', 'depois', 'portanto', 'posteriormente', 'possível'],
    // Also the end user of an administrator's guide, and a vulnerability (what it requires is an attack's precondition).
    thirdParties: ['invasor', 'invasores', 'atacante', 'atacantes', 'mal', 'usuário', 'vulnerabilidade'],
    // "É possível que" (it may be that) predicts; "não devem ser interpretadas como" is how to read a notice.
    expectations: ['é possível que', 'ser interpretad*', 'ser inferid*'],
    pointers: ['para obter mais informações', 'para mais informações', '^ consulte', '^ veja'],
    limiters: ['apenas', 'somente', 'só', 'unicamente'],
    proDrop: true,
  },
  clauses: {
    subordinators: ['se', 'quando', 'porque', 'embora', 'enquanto', 'antes que', 'depois que', 'até que', 'para que', 'de modo que', 'já que', 'a menos que', 'caso'],
    relativizers: ['que', 'quem', 'cujo', 'cuja', 'onde', 'como', 'qual', 'quais'],
    then: ['então'],
    ambiguous: [],
    afterComma: [],
    transparent: ['certifique-se de que', 'verifique se', 'observe que', 'lembre-se de que', 'tenha em mente que'],
    subjectRelativeEnds: true,
    concessive: ['embora', 'mesmo que', 'ainda que'],
  },
  actions: ['clique', 'abra', 'digite', 'vá', 'selecione', 'expanda', 'feche', 'pressione', 'escolha', 'navegue', 'aponte'],
  claims: {
    admin: ['direitos de administrador', 'privilégios de administrador', 'privilégios administrativos', 'direitos administrativos', 'administrador local', 'permissões de administrador', 'grupo administradores'],
    negators: ['não', 'sem', 'nenhum\\w*'],
    coordinators: ['e', 'mas'],
    builtin: ['incluído n[oa]', 'integrado a[oa]?', 'integrado n[oa]', 'incorporado a[oa]?', 'incorporado n[oa]', 'parte do sistema operacional'],
    install: ['instala'],
    separately: ['separadamente', 'à parte'],
    startupScript: ['script de inicialização', 'script de inicio'],
    activation: ['ativa[çr]', 'ativação'],
    local: ['localmente', 'local'],
    network: ['conexão de rede', 'acesso à rede'],
    portWords: ['porta', 'portas'],
    portReference: ['essas portas', 'estas portas'],
    rootCluster: ['cluster raiz', 'cluster de raiz'],
    licensingCluster: ['cluster de licenciamento', 'somente licenciamento'],
    restart: ['reinici'],
    restartTiming: ['ao reiniciar', 'durante a reinicialização', 'na próxima reinicialização', 'na reinicialização'],
    integrity: ['integridade', 'assinatura digital', 'hash'],
    methods: {
      'group-policy': ['diretivas? de grupo', 'políticas? de grupo', 'gpo\\b'],
      'windows-update': ['windows update', 'microsoft update', 'atualizaç(?:ão|ões) automátic'],
      script: ['script'],
      sms: ['\\bsms\\b', 'systems management server', 'configuration manager'],
      download: ['baixar', 'download', 'transferir'],
    },
    osBefore: ['anteriores? a[o]?', 'antes d[oa]', 'anteriores ao'],
    osFrom: ['a partir d[oa]'],
    // After the OS name, its service pack may come first ("Windows 2000 con Service Pack 3 (SP3) o posterior").
    osAndLater: ['e posterior', 'ou posterior', 'e versões posteriores', 'ou versões posteriores', 'é o requisito mínimo'].map((w) => `${SERVICE_PACK}${w}`),
  },
};
