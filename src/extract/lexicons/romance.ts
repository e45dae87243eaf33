import type { Lexicon } from '../lexicon.js';

/** Spanish, Italian and Portuguese: the deployment-guide topics exist in these locales too. */
export const es: Lexicon = {
  language: 'es',
  mustNot: ['no debe', 'no deben', 'no se puede', 'no puede', 'ya no'],
  notNeeded: ['no es necesario', 'no necesita', 'no requiere', 'no se requiere'],
  must: ['debe', 'deben', 'es necesario', 'necesario', 'requiere', 'requieren', 'se requiere', 'obligatorio', 'tiene que'],
  should: ['debería', 'deberían', 'recomienda', 'recomendable', 'se recomienda'],
  may: ['puede', 'pueden', 'opcional'],
};

export const it: Lexicon = {
  language: 'it',
  mustNot: ['non deve', 'non devono', 'non è possibile', 'non può', 'non più'],
  notNeeded: ['non è necessario', 'non richiede', 'non sono necessari*', 'non occorre'],
  must: ['deve', 'devono', 'è necessario', 'necessari*', 'richiede', 'richiesto', 'obbligatorio', 'occorre'],
  should: ['dovrebbe', 'dovrebbero', 'consigliato', 'consiglia', 'raccomandato', 'si consiglia'],
  may: ['può', 'possono', 'facoltativo'],
};

export const pt: Lexicon = {
  language: 'pt',
  mustNot: ['não deve', 'não devem', 'não é possível', 'não pode', 'não mais'],
  notNeeded: ['não é necessário', 'não precisa', 'não requer', 'não exige'],
  must: ['deve', 'devem', 'é necessário', 'necessário', 'requer', 'exige', 'obrigatório', 'precisa'],
  should: ['deveria', 'deveriam', 'recomendado', 'recomenda', 'recomendável'],
  may: ['pode', 'podem', 'opcional'],
};
