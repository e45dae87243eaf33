import { createHash } from 'node:crypto';

/** `Windows Update gebruiken` → `windows-update-gebruiken` (diacritics folded, ASCII only). */
export function slug(text: string, max = 48): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s.slice(0, max).replace(/-+$/, '') || 'section');
}

/** The quote as compared for drift: Unicode NFC, white space folded. */
export function normalizeQuote(quote: string): string {
  return quote.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

export function quoteHash(quote: string): string {
  return createHash('sha256').update(normalizeQuote(quote)).digest('hex');
}
