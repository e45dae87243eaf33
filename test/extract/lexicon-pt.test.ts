import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/extract/claims.js';
import { claimWordsFor, lexiconsFor } from '../../src/extract/lexicons/index.js';
import type { Claim } from '../../src/extract/types.js';
import { sentenceModality } from '../../src/extract/modality.js';

// Portuguese sentences quoted from ../shared/corpus (rms/pt-br and sample/pt-br), each with the
// level and trigger a reader gives it in its article.
const read = (s: string, isStep = false) => sentenceModality(s, lexiconsFor('pt-BR'), isStep);

describe('Portuguese modal wording', () => {
  it.each([
    ['Não forneça à conta permissões especiais.', 'must-not', 'não forneça'],
    ['(Se você receber mensagens de erro, não feche a página em que os erros estão exibidos.', 'must-not', 'não feche'],
    // "Não" with an indicative states ("não exige" is a need-not, "não fornece" a description).
    ['Não exige nenhuma interação do usuário; os usuários veem caixas de diálogo básicas de progresso, mas não podem cancelar.', 'may', 'não exige'],
    ['O MSDE 2000 não fornece suporte a nenhuma interface de rede.', 'info', undefined],
    // An identity constraint is a prohibition, not a description.
    ['Observação: A conta de serviço RMS não pode ser a mesma conta do domínio utilizada para instalar o RMS.', 'must-not', 'não pode ser a mesma'],
    ['Esta atualização de segurança não pode ser removida.', 'info', undefined],
    ['Não é possível ler o arquivo de origem', 'info', undefined],
    // Subject relative clauses end before the main clause's modal.
    ['Os clientes que já atualizaram seus sistemas com êxito não precisam fazer mais nada.', 'may', 'não precisam'],
    ['Os clientes que tiverem instalado com êxito a atualização de segurança KB956366 não precisam reinstalá-la.', 'may', 'não precisam'],
    ['Importante: Todos os usuários e grupos que usam o RMS para adquirir licenças e publicar conteúdo devem ter um endereço de email configurado na conta.', 'must', 'devem'],
    ['Os clientes com a atualização automática habilitada geralmente não precisarão tomar nenhuma providência porque esta atualização de segurança será baixada e instalada automaticamente.', 'may', 'não precisarão'],
    // Advice against, also as "não recomendam" and "recomendável que você não".
    ['É recomendável que você não use expansão de grupo entre florestas, se as florestas envolvidas não tiverem um relacionamento de confiança.', 'should-not', 'recomendável que você não'],
    ['Entretanto, as práticas recomendadas não recomendam esse procedimento.', 'should-not', 'não recomendam'],
    // "práticas recomendadas" names best practices; it advises nothing.
    ['Esses padrões especificam as práticas recomendadas para a implementação de algoritmos de criptografia.', 'info', undefined],
    ['É recomendável que o MSDE 2000 seja usado para oferecer suporte aos bancos de dados RMS somente em ambientes de teste.', 'should', 'recomendável'],
    ['Você deve criar listas de revogação com carimbo de data/hora e assinadas apropriadamente usando a ferramenta RLsigner.exe.', 'must', 'deve'],
    // A passive "podem ser sincronizadas" says what can be done with a thing; administrators are the reader.
    ['As atualizações podem ser sincronizadas a partir dos servidores Windows Update e salvas em seu servidor SUS.', 'info', undefined],
    ['Os administradores podem usar a Elevated Rights Deployment Tool (disponível no SMS 2.0 Administration Feature Pack) (sites em inglês) para instalar essas atualizações.', 'may', 'podem'],
    ['Se você não estiver usando o Exchange Server 2003, será possível adicionar essas extensões de esquema baixando o RMS Administration Toolkit.', 'may', 'será possível'],
    // The end user and a vulnerability are third parties; "não devem ser interpretadas" tells how to read a notice.
    ['Para atualizar a planilha, o usuário deve iniciar manualmente o feed.', 'info', undefined],
    ['A vulnerabilidade requer um driver de rede de terceiros', 'info', undefined],
    ['Como a Microsoft deve responder a condições de mercado em constante mudança, essas informações não devem ser interpretadas como um compromisso da parte da Microsoft.', 'info', undefined],
    ['Se o servidor tiver o .NET Framework 1.1 e o .NET Framework 2.0 ou posterior instalado, é possível que o cluster do RMS não funcione corretamente.', 'info', undefined],
    // "Considere …" advises weighing something.
    ['Se você ainda pretende usar o RMS na sua organização, mas precisa interromper o uso de determinados servidores RMS por qualquer motivo, considere utilizar as alternativas a seguir para o descomissionamento.', 'should', 'considere'],
  ])('%s → %s', (sentence, level, trigger) => {
    const m = read(sentence);
    expect(m.level).toBe(level);
    expect(m.trigger?.replace(/ \(imperative\)$/, '')).toBe(trigger);
  });
});

describe('Portuguese claim words', () => {
  // The boolean says the main clause states a need-not, as sentenceModality finds.
  it.each<[string, boolean, Claim[]]>([
    ['Os clientes que usam Windows 2000 Service Pack 2 ou posterior, Windows XP ou Windows Server 2003, não precisam do Qchain.exe para encadear as atualizações.', true, [{ kind: 'os', bound: 'from', version: '5.0', name: 'Windows 2000' }, { kind: 'os', bound: 'only', version: '5.1', name: 'Windows XP' }, { kind: 'os', bound: 'only', version: '5.2', name: 'Windows Server 2003' }]],
    ['Com esse método, o usuário não precisa ser um administrador local no computador.', true, [{ kind: 'privilege', value: 'none' }]],
    ['Você também pode aplicá-lo entre domínios usando a Diretiva de Grupo.', false, [{ kind: 'method', values: ['group-policy'] }]],
    ['Reinicie o computador quando for solicitado.', false, [{ kind: 'restart', value: 'required' }]],
    ['Para instalar o RMS, você deve fazer logon usando uma conta com privilégios de administrador local.', false, [{ kind: 'privilege', value: 'local-admin' }, { kind: 'install', value: 'mentioned' }]],
  ])('%s', (sentence, notNeeded, claims) => {
    expect(claimsOf(sentence, notNeeded, { previousPorts: [] }, claimWordsFor('pt-BR'))).toEqual(claims);
  });
});
