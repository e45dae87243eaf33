import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../src/extract/claims.js';
import { claimWordsFor, lexiconsFor } from '../../src/extract/lexicons/index.js';
import type { Claim } from '../../src/extract/types.js';
import { sentenceModality } from '../../src/extract/modality.js';

// Spanish sentences quoted from ../shared/corpus (rms/es-es and sample/es-es), each with the level
// and trigger a reader gives it in its article.
const read = (s: string, isStep = false) => sentenceModality(s, lexiconsFor('es-ES'), isStep);

describe('Spanish modal wording', () => {
  it.each([
    // Negative imperatives: "no" with a subjunctive.
    ['No empiece a instalar RMS en ningún otro servidor hasta que haya completado la configuración de RMS en el primer servidor.', 'must-not', 'no empiece'],
    ['No use una ubicación de almacenamiento alternativa en el mismo equipo, ya que no se podrá obtener acceso al mismo durante el proceso de recuperación.', 'must-not', 'no use'],
    ['No cambie el nombre de equipo, haga clic en Dominio, escriba el nombre del dominio y después haga clic en Aceptar.', 'must-not', 'no cambie'],
    // "No" with an indicative of an -er/-ir verb states; "no hace falta" says something is not needed.
    ['No obstante, no constituye el enfoque recomendado.', 'should-not', 'no constituye el enfoque recomendado'],
    ['Este mecanismo no ofrece protección contra los ataques de red.', 'info', undefined],
    ['No hace falta reiniciar el equipo después de instalar esta actualización.', 'may', 'no hace falta'],
    ['Además, no debe otorgar a esta cuenta ningún permiso adicional.', 'must-not', 'no debe'],
    // "no deben realizar ninguna acción": nothing is asked of them (need not), the longer pattern wins.
    ['La mayoría de los clientes tienen habilitada la actualización automática y no deben realizar ninguna acción porque esta actualización de seguridad se descargará e instalará automáticamente.', 'may', 'no deben realizar ninguna acción'],
    ['Esto quiere decir que no tiene que descifrar manualmente ningún archivo cifrado antes de poder usarlo.', 'may', 'no tiene que'],
    // Advice against.
    ['No se recomienda guardar datos fundamentales (como ejecutables y archivos de registro) en particiones FAT32.', 'should-not', 'no se recomienda'],
    ['Como norma general, Microsoft no recomienda ubicar los servidores de bases de datos en la red perimetral de la infraestructura de una organización.', 'should-not', 'no recomienda'],
    // Future and impersonal obligations.
    ['Si la búsqueda no puede identificar una forma concreta de software malintencionado, el virus se deberá considerar una infección nueva.', 'must', 'deberá'],
    ['Para implementar la revocación, es preciso que implemente una lista de revocaciones.', 'must', 'es preciso'],
    ['Requerido para permitir el registro mediante bases de datos MSDE.', 'must', 'requerido'],
    ['Código de ciclo de vida del desarrollo de seguridad: si su organización decide desarrollar algunas soluciones propias, debe considerar que los desarrolladores usen las directrices.', 'should', 'debe considerar'],
    // Impersonal impossibilities describe; "you cannot" in an instruction forbids.
    ['R: Cada situación es única y, por lo tanto, no se puede presentar una sola solución ideal para todos.', 'info', undefined],
    ['Las listas de revocación de certificados (CRL) no se pueden descargar de forma predeterminada.', 'info', undefined],
    ['Si selecciona la opción Requerir copia de seguridad de BitLocker en AD DS, BitLocker no se podrá activar, a menos que el equipo esté conectado al dominio.', 'info', undefined],
    // An indirect question ("cuándo") is no main clause.
    ['En la tabla siguiente se enumeran las tareas de servidor posibles para el servidor ISA, se describe cuándo se pueden necesitar.', 'info', undefined],
    // "Active Directory" names a product; "Active la directiva" instructs.
    ['Además, Active Directory es compatible con la autenticación de tarjetas inteligentes.', 'info', undefined],
    ['Active la directiva de seguridad local para cifrado conforme a FIPS.', 'must', 'active'],
    // A cause ("se debe a"), a prediction ("puede que") and a thing's capability are no requirements.
    ['Esto se debe a no se pueden configurar DACL para particiones FAT32.', 'info', undefined],
    ['No obstante, si no se realiza un análisis detallado del código malintencionado, puede que la limpieza no elimine el problema por completo.', 'info', undefined],
    ['Este tipo de directiva puede ser útil para aquellas organizaciones con un entorno en el que se combinan clientes de Windows 2000 y de Windows XP.', 'info', undefined],
    ['Se puede utilizar un portal de la intranet que los usuarios tengan establecido como página de inicio para enviar alertas de software malintencionado.', 'may', 'puede'],
    // A concession carries the advice against; a pointer requires nothing.
    ['Para una configuración local, puede utilizar la cuenta del sistema local, aunque no es recomendable por los problemas de seguridad inherentes que conlleva ejecutar un servicio con los privilegios de esta cuenta.', 'should-not', 'no es recomendable'],
    ['Puede encontrar numerosos eventos, prácticas de laboratorio y Webcasts sobre temas de seguridad directamente en Microsoft.', 'info', undefined],
  ])('%s → %s', (sentence, level, trigger) => {
    const m = read(sentence);
    expect(m.level).toBe(level);
    expect(m.trigger?.replace(/ \(imperative\)$/, '')).toBe(trigger);
  });
});

describe('Spanish claim words', () => {
  // The boolean says the main clause states a need-not, as sentenceModality finds.
  it.each<[string, boolean, Claim[]]>([
    ['Active Directory está instalado en los controladores de dominio que ejecutan Windows 2000 con Service Pack 3 (SP3) o posterior.', false, [{ kind: 'os', bound: 'from', version: '5.0', name: 'Windows 2000' }, { kind: 'install', value: 'mentioned' }]],
    ['Independientemente del método de distribución del cliente que se utilice, el puerto predeterminado es el 80 o el 443 para comunicarse con el servidor RMS.', false, [{ kind: 'port', ports: [80, 443], peers: [] }]],
    ['No es necesario reiniciar el equipo.', true, [{ kind: 'restart', value: 'not-required' }]],
    ['Para instalar RMS, debe iniciar la sesión en una cuenta con privilegios de administrador local.', false, [{ kind: 'privilege', value: 'local-admin' }, { kind: 'install', value: 'mentioned' }]],
    ['La mayoría de los clientes tienen habilitada la actualización automática y no deben realizar ninguna acción.', true, [{ kind: 'method', values: ['windows-update'] }]],
    ['También puede aplicarlo entre dominios mediante Directiva de grupo.', false, [{ kind: 'method', values: ['group-policy'] }]],
  ])('%s', (sentence, notNeeded, claims) => {
    expect(claimsOf(sentence, notNeeded, { previousPorts: [] }, claimWordsFor('es-ES'))).toEqual(claims);
  });
});
