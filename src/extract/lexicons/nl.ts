import type { Lexicon } from '../lexicon.js';

export const nl: Lexicon = {
  language: 'nl',
  mustNot: ['mag niet', 'mogen niet', 'mag geen', 'mogen geen', 'kan niet langer', 'kunnen niet langer', 'niet meer mogelijk', 'moet niet', 'moeten niet', 'nooit'],
  notNeeded: ['hoeft … niet', 'hoeft … geen', 'hoeven … niet', 'hoeven … geen', 'geen … nodig', 'niet nodig', 'niet vereist', 'geen … vereist', 'niet noodzakelijk'],
  must: ['moet', 'moeten', 'dient … te', 'dienen … te', 'vereist', 'vereisen', 'is vereist', 'noodzakelijk', 'verplicht', 'nodig'],
  should: ['aanbevolen', 'aangeraden', 'raden … aan', 'zou … moeten', 'zouden … moeten', 'verdient de voorkeur'],
  may: ['kan', 'kunt', 'kunnen', 'mag', 'mogen', 'optioneel'],
};
