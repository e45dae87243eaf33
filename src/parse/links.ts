import type { LinkKind } from './types.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ARTICLE = new RegExp(`^https?://technet\\.microsoft\\.com/(?:[a-z]{2}-[a-z]{2}/)?(?:library/)?(${GUID})(?:\\([^)]*\\))?(?:\\.aspx)?/?(?:#.*)?$`, 'i');
const LIBRARY = /^https?:\/\/(?:technet|msdn)\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?library\//i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface LinkClass {
  kind: LinkKind;
  assetId?: string;
}

/** Sort a link target: another article by asset id, a library topic, an anchor, relative or external. */
export function classifyLink(url: string): LinkClass {
  const trimmed = url.trim();
  const article = ARTICLE.exec(trimmed);
  if (article) return { kind: 'article', assetId: article[1]!.toLowerCase() };
  if (trimmed.startsWith('#')) return { kind: 'anchor' };
  if (LIBRARY.test(trimmed)) return { kind: 'library' };
  if (!SCHEME.test(trimmed) && !trimmed.startsWith('//')) return { kind: 'relative' };
  return { kind: 'external' };
}
