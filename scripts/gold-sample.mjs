#!/usr/bin/env node
/**
 * Draw the unlabelled gold sample (test/gold/sample.jsonl) from ../shared/corpus.
 *
 * Every sentence of rms/** and sample/** (not history/, which repeats rms/nl-nl and de-de) is
 * enumerated with the project's own parser and sentence splitter, walking blocks as the extractor
 * does (paragraphs, list items, table rows, callout paragraphs, procedure steps; code is skipped),
 * so `file` + `line` + `text` match what `extractRequirements` reports.
 *
 * Strata, per locale folder (nl-nl, de-de, es-es, it-it, pt-br):
 *   random — uniform over the locale's distinct sentences;
 *   cue    — uniform over the locale's distinct sentences that contain a cue word of their language
 *            (modal, imperative, negation, need-not; lists below).
 * Plus one stratum `en-cue` over English-bodied sentences of all folders, so English has enough items.
 * Then, drawn last so the earlier draws do not move: `neg` per locale and `en-neg`, uniform over
 * sentences with a negated modal/imperative or an advise-against word (NEG_CUES), so that
 * must-not, should-not and need-not have enough support.
 * Identical texts are drawn once (first occurrence in file order). The PRNG is mulberry32, seed SEED.
 *
 * Usage: npm run build && node scripts/gold-sample.mjs [--context]   (--context prints a judging view)
 */
import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../dist/parse/index.js';
import { splitSentences } from '../dist/extract/sentences.js';
import { mulberry32 } from './gold-prng.mjs';

export const SEED = 20261125;
const PER_LOCALE = { random: 50, cue: 50 };
const EN_CUE = 40;
/** Third stratum, drawn after the others so the first 540 items stay as they were judged. */
const PER_LOCALE_NEG = 30;
const EN_NEG = 30;
/** Fourth stratum, drawn last: prohibition and advise-against candidates (PROHIBITION_CUES). */
const PER_LOCALE_PROHIB = 20;
const EN_PROHIB = 20;
const LOCALES = ['nl-nl', 'de-de', 'es-es', 'it-it', 'pt-br'];
/** Fifth stratum, drawn last (second-annotator pass): advice-against and recommendation cues, per language. */
const PER_LANG_ADVICE = 15;
const ADVICE_LANGS = ['nl', 'de', 'es', 'it', 'pt', 'en'];
/** Sixth stratum, drawn after `advice`: advise-against forms only (the `advice` draw was mostly "recommended"). */
const PER_LANG_ADVICE_AGAINST = 10;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const corpus = join(root, '..', 'shared', 'corpus');
const out = join(root, 'test', 'gold', 'sample.jsonl');


/** Function words that tell the languages apart (for English bodies in localized repos). */
const STOPWORDS = {
  en: 'the and of to is are you your this that with for on in be can not an as by or it which from have if when',
  nl: 'de het een en van is zijn u uw dit dat met voor op in te kan niet worden wordt als door of die bij naar om',
  de: 'der die das und von ist sind sie ihr dies mit für auf in zu kann nicht werden wird als durch oder den dem ein eine',
  es: 'el la los las y de es son usted su este esta con para en que se puede no como por o un una del al',
  it: 'il lo la gli le e di è sono questo questa con per in che si può non come da o un una del della',
  pt: 'o a os as e de é são você seu este esta com para em que se pode não como por ou um uma do da',
};
const STOP = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v.split(' '))]));

function words(text) {
  return text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
}

function languageScores(text) {
  const ws = words(text);
  const scores = {};
  for (const [lang, set] of Object.entries(STOP)) scores[lang] = ws.filter((w) => set.has(w)).length;
  return scores;
}

/** English or the folder's own language; short sentences follow their file's body language. */
function languageOf(text, own, fileLang) {
  const s = languageScores(text);
  if (s.en + s[own] < 3) return fileLang;
  return s.en > s[own] ? 'en' : own;
}

/**
 * Cue words: modals, need-not forms, negators, requirement/recommendation words and common
 * imperative openings, per language. Broad on purpose (the stratum must give must-not, should
 * and may items enough support); a cue does not decide the label.
 */
const CUES = {
  nl: {
    words:
      'moet moeten moest moesten dient dienen diende mag mogen mocht hoeft hoeven hoefde niet geen nooit vereist vereisen vereiste verplicht noodzakelijk nodig aanbevolen aanbevelen aanbeveling raden raadt afgeraden kunt kan kunnen zorg controleer zorgen vermijd',
    imperative: /^(klik|selecteer|typ|open|ga|voer|geef|kies|installeer|controleer|zorg|gebruik|wijzig|maak|sluit|start|schakel|vouw|dubbelklik|configureer|verwijder|stel|kopieer|volg|vermijd|zie|raadpleeg|lees|blader|activeer|voeg|sla)\b/iu,
  },
  de: {
    words:
      'muss müssen musst müsste müssten darf dürfen durfte soll sollen sollte sollten nicht kein keine keinen keiner keines nie niemals erforderlich benötigt benötigen notwendig nötig vorausgesetzt empfohlen empfiehlt empfehlen kann können brauchen braucht stellen vermeiden',
    imperative: /^\p{L}+(?:en|ern|eln) Sie\b|^(stellen|achten|vergewissern) sie\b/iu,
  },
  es: {
    words:
      'debe deben debería deberían tiene tienen necesario necesaria necesita necesitan requiere requieren requerido requerida obligatorio recomienda recomendable recomendamos no nunca puede pueden asegúrese compruebe evite',
    imperative: /^(haga|seleccione|escriba|abra|instale|configure|compruebe|asegúrese|utilice|use|elija|especifique|vaya|expanda|cierre|inicie|agregue|cree|quite|active|copie|ejecute|consulte|escriba)\b/iu,
  },
  it: {
    words:
      'deve devono dovrebbe dovrebbero dovete necessario necessaria necessita richiede richiedono richiesto richiesta obbligatorio consiglia consigliabile consigliato non mai può possono possibile assicurarsi verificare evitare',
    imperative: /^(fare|fate|selezionare|digitare|aprire|installare|configurare|verificare|assicurarsi|utilizzare|usare|scegliere|specificare|espandere|chiudere|avviare|aggiungere|creare|rimuovere|attivare|copiare|eseguire|vedere|consultare|non)\b/iu,
  },
  pt: {
    words:
      'deve devem deveria deveriam necessário necessária necessita requer requerem exige exigem obrigatório recomenda recomendável recomendado não nunca pode podem possível certifique verifique evite',
    imperative: /^(clique|selecione|digite|abra|instale|configure|verifique|certifique|utilize|use|escolha|especifique|expanda|feche|inicie|adicione|crie|remova|ative|copie|execute|consulte|vá)\b/iu,
  },
  en: {
    words:
      "must should shall need needs needed required requires require necessary recommended recommend recommends not never cannot can't don't doesn't do may can ensure sure avoid",
    imperative: /^(click|select|type|open|go|run|enter|choose|install|configure|verify|ensure|make|use|specify|expand|close|start|add|create|remove|activate|copy|execute|see|double-click|right-click|do not|never|avoid)\b/iu,
  },
};
const CUE_SETS = Object.fromEntries(Object.entries(CUES).map(([k, v]) => [k, new Set(v.words.split(' '))]));

function hasCue(text, lang) {
  if (CUES[lang].imperative.test(text)) return true;
  const set = CUE_SETS[lang];
  return words(text).some((w) => set.has(w));
}

/**
 * Negated-deontic cues: a modal, need-not form or imperative under a negation, and the
 * advise-against words. They give must-not, should-not and need-not items enough support;
 * like all cues they select sentences, they do not decide the label.
 */
const NEG_CUES = {
  nl: /\b(mag|mogen|moet|moeten|dient|dienen|hoeft|hoeven|kunt|kan)\b[^.;:]*\b(niet|geen|nooit)\b|\b(niet|geen|nooit)\b[^.;:]*\b(mag|mogen|moet|moeten|dient|dienen|hoeft|hoeven)\b|afgeraden|\bniet aanbevolen\b|\bniet (nodig|vereist|noodzakelijk)\b/iu,
  de: /\b(darf|dürfen|muss|müssen|sollte|sollten|soll|sollen|brauchen|braucht|können|kann)\b[^.;:]*\b(nicht|kein|keine|keinen|nie|niemals)\b|\bnicht (empfohlen|erforderlich|notwendig|nötig)\b|^\p{L}+(?:en|ern|eln) Sie\b[^.;:]*\b(nicht|kein|keine|keinen|nie)\b/iu,
  es: /\bno\s+(se\s+)?(debe|deben|debería|deberían|es necesario|es recomendable|necesita|necesitan|tiene que|tienen que|puede|pueden|recomienda|requiere|use|utilice|instale|cambie|elimine|quite|modifique|ejecute|habilite|deshabilite|cierre|reinicie|intente)\b|^No\s+\p{L}+[ea]\b|\bnunca\b/iu,
  it: /\bnon\s+(si\s+)?(deve|devono|dovrebbe|dovrebbero|è necessario|è consigliabile|è consigliato|è richiesto|è possibile|può|possono|occorre|installare|utilizzare|usare|modificare|eseguire|chiudere|riavviare|rimuovere|abilitare|disabilitare)\b|^Non\s+\p{L}+(are|ere|ire)\b|\bmai\b/iu,
  pt: /\bnão\s+(se\s+)?(deve|devem|deveria|deveriam|é necessário|é recomendável|é recomendado|precisa|precisam|pode|podem|recomenda|requer|instale|use|utilize|altere|execute|feche|remova|reinicie|habilite|desabilite)\b|^Não\s+\p{L}+[ea]\b|\bnunca\b/iu,
  en: /\b(must not|mustn't|should not|shouldn't|do not|don't|does not need|cannot|can't|need not|needn't|not required|not necessary|not recommended|never|no need)\b/iu,
};

/**
 * Narrower than NEG_CUES: forms that usually carry a prohibition or advice against
 * ("mag … niet", "darf nicht", negative imperatives, "no debe", "non è consigliabile",
 * "não é recomendável", "should not", "not recommended").
 */
const PROHIBITION_CUES = {
  nl: /\b(mag|mogen)\b[^.;:]*\b(niet|geen|nooit)\b|\b(moet|moeten|dient|dienen)\s+u\b[^.;:]*\b(niet|geen|nooit)\b|\bu\s+(mag|moet|dient)\b[^.;:]*\b(niet|geen)\b|afgeraden|\bniet aanbevolen\b|\baanbevolen\b[^.;:]*\bniet\b|^(gebruik|installeer|verwijder|wijzig|open|start|schakel|voer|sluit|kopieer|configureer|geef)\b[^.;:]*\b(niet|geen)\b/iu,
  de: /\b(darf|dürfen|sollte|sollten|soll|sollen)\b[^.;:]*\b(nicht|kein\p{L}*|nie|niemals)\b|\bnicht empfohlen\b|^\p{L}+(?:en|ern|eln) Sie\b[^.;:]*\b(nicht|kein\p{L}*)\b|\bmüssen Sie\b[^.;:]*\bnicht\b/iu,
  es: /\bno\s+(se\s+)?(debe|deben|debería|deberían)\b|\bno se recomienda\b|\bno es recomendable\b|^No\s+\p{L}+[ea]\b/iu,
  it: /\bnon\s+(si\s+)?(deve|devono|dovrebbe|dovrebbero)\b|\bnon è (consigliabile|consigliato)\b|\bè preferibile non\b|^Non\s+\p{L}+(are|ere|ire)\b|,\s+non\s+\p{L}+(are|ere|ire)\b/iu,
  pt: /\bnão\s+(se\s+)?(deve|devem|deveria|deveriam)\b|\bnão é (recomendável|recomendado)\b|\brecomendável que (você )?não\b|^Não\s+\p{L}+[ea]\b/iu,
  en: /\b(must not|mustn't|should not|shouldn't|never|not recommended)\b|\b(do not|don't)\b(?! have to| need)/iu,
};

/**
 * Advise-against and recommendation cues, per language (the sentence's language, any folder):
 * `should-not` had 1–3 items per language and nl `should` 1 after the first four strata. Like all
 * cues they select sentences, they do not decide the label.
 */
const ADVICE_CUES = {
  nl: /\bwordt afgeraden\b|\bafgeraden\b|\braden (wij|we) [^.;:]*\baf\b|\bniet aanbevolen\b|\bwordt aanbevolen\b|\baanbevolen\b|\baangeraden\b/iu,
  de: /\bwird nicht empfohlen\b|\bsollten?\b[^.;:]*\b(nicht|kein\p{L}*)\b|\bempfohlen\b|\bempfiehlt\b/iu,
  es: /\bno se recomienda\b|\bno deber(í|i)an?\b|\bse recomienda\b|\bno es recomendable\b|\bes recomendable\b/iu,
  it: /\bnon è consigliabile\b|\bè preferibile non\b|\bsi consiglia\b|\bè consigliabile\b|\bnon dovrebbero?\b|\bconsigliat[oaie]\b|\b(si )?raccomand\p{L}*\b|\bè preferibile\b/iu,
  pt: /\bnão é recomendável\b|\bnão devem?\b|\brecomenda-se\b|\bé recomendável\b|\bnão deveriam?\b|\brecomendad[oa]s?\b|\brecomenda(mos)?\b/iu,
  en: /\bshould not\b|\bshouldn't\b|\bnot recommended\b|\brecommended\b|\brecommends?\b/iu,
};

/** Advise-against forms only, per language: what `should-not` needs. */
const ADVICE_AGAINST_CUES = {
  nl: /\bafgeraden\b|\braden (wij|we|u)\b[^.;:]*\baf\b|\bniet (wordt )?(aanbevolen|aangeraden)\b|\bwordt\b[^.;:]*\bniet aanbevolen\b/iu,
  de: /\bnicht empfohlen\b|\bsollten?\b[^.;:]*\b(nicht|kein\p{L}*)\b|\bempfiehlt\b[^.;:]*\bnicht\b|\bnicht zu empfehlen\b|\babgeraten\b/iu,
  es: /\bno se recomienda\b|\bno es recomendable\b|\bno deber(í|i)an?\b|\bno recomienda\b|\bno recomendamos\b|\bno constituye el enfoque recomendado\b|\bno es aconsejable\b/iu,
  it: /\bnon è (consigliabile|consigliato|raccomandato)\b|\bè preferibile non\b|\bnon dovrebbero?\b|\bsconsigli\p{L}*\b|\bsi raccomanda di non\b|\bnon si consiglia\b/iu,
  pt: /\bnão é (recomendável|recomendado)\b|\bnão recomenda\p{L}*\b|\bnão dever\p{L}*\b|\bnão devem?\b|\brecomendável que (você )?não\b|\brecomenda-se não\b/iu,
  en: /\bshould not\b|\bshouldn't\b|\bnot recommended\b|\b(does|do) not recommend\b|\brecommend against\b|\bdiscouraged\b/iu,
};

async function* markdownFiles(dir) {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith('.md') && entry.name !== 'README.md') yield path;
  }
}

/** Prose runs in extractor order, each with the kind of block it stands in and its section. */
function* proseOf(section, titles = []) {
  const path = section.title ? [...titles, section.title] : titles;
  for (const block of section.blocks) yield* proseOfBlock(block, path, 'paragraph');
  for (const child of section.children) yield* proseOf(child, path);
}

function* proseOfBlock(block, path, kind) {
  switch (block.type) {
    case 'text':
      yield { text: block.text, pos: block.pos, kind, path };
      return;
    case 'callout':
      for (const p of block.paragraphs) yield { text: p.text, pos: p.pos, kind: `callout:${block.kind}`, path };
      return;
    case 'list':
      for (const item of block.items) {
        yield { text: item.text, pos: item.pos, kind: 'list-item', path };
        for (const b of item.blocks) yield* proseOfBlock(b, path, 'list-item-body');
      }
      return;
    case 'procedure':
      for (const step of block.steps) {
        yield { text: step.text, pos: step.pos, kind: 'procedure-step', path: block.title ? [...path, block.title] : path };
        for (const b of step.blocks) yield* proseOfBlock(b, path, 'step-body');
      }
      return;
    default:
      return; // code samples are not sentences
  }
}

async function enumerate() {
  const sentences = [];
  for (const top of ['rms', 'sample']) {
    for (const locale of LOCALES) {
      for await (const path of markdownFiles(join(corpus, top, locale))) {
        const file = relative(corpus, path);
        const doc = await parseFile(path, file);
        const own = locale.slice(0, 2);
        const runs = [...proseOf(doc.root)];
        const body = runs.map((r) => r.text).join(' ');
        const s = languageScores(body);
        const fileLang = s.en > s[own] ? 'en' : own;
        const inFile = [];
        for (const run of runs) {
          for (const sentence of splitSentences(run.text)) {
            inFile.push({
              file,
              line: run.pos.line,
              locale,
              lang: languageOf(sentence.text, own, fileLang),
              text: sentence.text,
              block: run.kind,
              section: run.path.join(' › '),
            });
          }
        }
        inFile.forEach((x, i) => {
          x.prev = inFile[i - 1]?.text ?? '';
          x.next = inFile[i + 1]?.text ?? '';
          sentences.push(x);
        });
      }
    }
  }
  return sentences;
}

/** Uniform draw of k items without replacement (partial Fisher–Yates), skipping texts already taken. */
function draw(pool, k, random, taken) {
  const items = pool.filter((x) => !taken.has(x.text));
  const picked = [];
  for (let i = 0; i < items.length && picked.length < k; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j], items[i]];
    if (taken.has(items[i].text)) continue;
    taken.add(items[i].text);
    picked.push(items[i]);
  }
  return picked;
}

function distinct(sentences) {
  const seen = new Set();
  return sentences.filter((x) => (seen.has(x.text) ? false : (seen.add(x.text), true)));
}

async function main() {
  const all = distinct(await enumerate());
  const random = mulberry32(SEED);
  const taken = new Set();
  const sample = [];
  /** Size of each stratum's population, for weighting the strata back to the corpus. */
  const populations = {};
  for (const locale of LOCALES) {
    const pool = all.filter((x) => x.locale === locale);
    populations[`${locale}/random`] = pool.length;
    for (const x of draw(pool, PER_LOCALE.random, random, taken)) sample.push({ ...x, stratum: 'random' });
    const cued = pool.filter((x) => x.lang !== 'en' && hasCue(x.text, x.lang));
    populations[`${locale}/cue`] = cued.length;
    for (const x of draw(cued, PER_LOCALE.cue, random, taken)) sample.push({ ...x, stratum: 'cue' });
  }
  const english = all.filter((x) => x.lang === 'en' && hasCue(x.text, 'en'));
  populations['en/en-cue'] = english.length;
  for (const x of draw(english, EN_CUE, random, taken)) sample.push({ ...x, stratum: 'en-cue' });
  for (const locale of LOCALES) {
    const negated = all.filter((x) => x.locale === locale && x.lang !== 'en' && NEG_CUES[x.lang].test(x.text));
    populations[`${locale}/neg`] = negated.length;
    for (const x of draw(negated, PER_LOCALE_NEG, random, taken)) sample.push({ ...x, stratum: 'neg' });
  }
  const englishNegated = all.filter((x) => x.lang === 'en' && NEG_CUES.en.test(x.text));
  populations['en/en-neg'] = englishNegated.length;
  for (const x of draw(englishNegated, EN_NEG, random, taken)) sample.push({ ...x, stratum: 'en-neg' });
  for (const locale of LOCALES) {
    const prohibitive = all.filter((x) => x.locale === locale && x.lang !== 'en' && PROHIBITION_CUES[x.lang].test(x.text));
    populations[`${locale}/prohib`] = prohibitive.length;
    for (const x of draw(prohibitive, PER_LOCALE_PROHIB, random, taken)) sample.push({ ...x, stratum: 'prohib' });
  }
  const englishProhibitive = all.filter((x) => x.lang === 'en' && PROHIBITION_CUES.en.test(x.text));
  populations['en/prohib'] = englishProhibitive.length;
  for (const x of draw(englishProhibitive, EN_PROHIB, random, taken)) sample.push({ ...x, stratum: 'en-prohib' });
  for (const lang of ADVICE_LANGS) {
    const advice = all.filter((x) => x.lang === lang && ADVICE_CUES[lang].test(x.text));
    populations[`${lang}/advice`] = advice.length;
    populations[`${lang}/advice-left`] = advice.filter((x) => !taken.has(x.text)).length;
    for (const x of draw(advice, PER_LANG_ADVICE, random, taken)) sample.push({ ...x, stratum: 'advice' });
  }
  for (const lang of ADVICE_LANGS) {
    const against = all.filter((x) => x.lang === lang && ADVICE_AGAINST_CUES[lang].test(x.text));
    populations[`${lang}/advice-against`] = against.length;
    populations[`${lang}/advice-against-left`] = against.filter((x) => !taken.has(x.text)).length;
    for (const x of draw(against, PER_LANG_ADVICE_AGAINST, random, taken)) sample.push({ ...x, stratum: 'advice-against' });
  }

  const lines = sample.map((x, i) => {
    const { file, line, locale, lang, stratum, text, block, section, prev, next } = x;
    return JSON.stringify({ n: i + 1, file, line, locale, lang, stratum, text, block, section, prev, next });
  });
  await writeFile(out, lines.join('\n') + '\n');
  const counts = {};
  for (const x of sample) counts[`${x.lang}/${x.stratum}`] = (counts[`${x.lang}/${x.stratum}`] ?? 0) + 1;
  const population = {};
  for (const x of all) population[x.lang] = (population[x.lang] ?? 0) + 1;
  console.log(`seed ${SEED}: ${all.length} distinct sentences ${JSON.stringify(population)}; sampled ${sample.length} → ${relative(root, out)}`);
  console.log(JSON.stringify(counts));
  console.log(`stratum populations (distinct sentences each stratum draws from): ${JSON.stringify(populations)}`);
}

await main();
