import type { Lexicon } from '../lexicon.js';

export const de: Lexicon = {
  language: 'de',
  mustNot: ['darf nicht', 'dürfen nicht', 'darf kein*', 'dürfen kein*', 'nicht mehr', 'kann nicht', 'können nicht', 'muss nicht', 'niemals'],
  notNeeded: ['nicht erforderlich', 'nicht notwendig', 'nicht nötig', 'kein* … erforderlich', 'kein* … benötigt', 'benötigt … kein*', 'braucht … nicht', 'brauchen … nicht'],
  must: ['muss', 'müssen', 'erforderlich', 'benötigt', 'benötigen', 'notwendig', 'erfordert', 'vorausgesetzt', 'ist … zu'],
  should: ['sollte', 'sollten', 'empfohlen', 'empfiehlt', 'empfehlen'],
  may: ['kann', 'können', 'darf', 'dürfen', 'optional'],
};
