import type { Lexicon } from '../lexicon.js';

export const en: Lexicon = {
  language: 'en',
  mustNot: ['must not', 'mustn\'t', 'cannot', 'can not', 'can no longer', 'may not', 'shall not', 'do not', 'never', 'is not supported', 'are not supported'],
  notNeeded: ['does not need', 'do not need', 'does not require', 'do not require', 'not required', 'no … required', 'not necessary', 'no need', 'need not', 'no … needed'],
  must: ['must', 'required', 'requires', 'require', 'need to', 'needs to', 'have to', 'has to', 'shall', 'necessary', 'mandatory'],
  should: ['should', 'recommended', 'recommend', 'ought to', 'best practice'],
  may: ['can', 'may', 'optional', 'optionally'],
};
