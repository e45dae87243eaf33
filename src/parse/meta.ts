import type { DocMeta } from './types.js';

/** Front matter keys are matched without regard to case (`Title` and `title` both occur). */
function pick(data: Record<string, unknown>, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(data)) {
    if (k.toLowerCase() !== wanted) continue;
    if (typeof v === 'string') return v.replace(/\u00a0/g, ' ').trim() || undefined;
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    return undefined;
  }
  return undefined;
}

const LOCALE_SEGMENT = /^([a-z]{2})-([a-z]{2})$/i;
const LIBRARY_TOPIC = /\/library\/([^/(]+)\(v=([^)]+)\)/i;

/** `nl-nl` → `nl-NL`. */
export function normalizeLocale(tag: string): string | undefined {
  const m = LOCALE_SEGMENT.exec(tag);
  return m ? `${m[1]!.toLowerCase()}-${m[2]!.toUpperCase()}` : undefined;
}

export function readMeta(data: Record<string, unknown>): DocMeta {
  const meta: DocMeta = {};
  const set = <K extends keyof DocMeta>(k: K, v: DocMeta[K] | undefined) => {
    if (v !== undefined) meta[k] = v;
  };
  set('title', pick(data, 'Title'));
  set('tocTitle', pick(data, 'TOCTitle'));
  set('assetId', pick(data, 'ms:assetid'));
  set('contentKeyId', pick(data, 'ms:contentKeyID'));
  const url = pick(data, 'ms:mtpsurl');
  set('url', url);
  set('author', pick(data, 'author'));
  set('msAuthor', pick(data, 'ms.author'));
  if (url) {
    let path = '';
    try {
      path = new URL(url).pathname;
    } catch {
      path = url;
    }
    for (const segment of path.split('/')) {
      const locale = normalizeLocale(segment);
      if (locale) {
        meta.locale = locale;
        break;
      }
    }
    const topic = LIBRARY_TOPIC.exec(path);
    if (topic) {
      meta.topicId = topic[1];
      meta.topicVersion = topic[2];
    }
  }
  return meta;
}
