/**
 * Waiver patterns: `*` any run of characters, `?` one character, the rest literal, case-insensitive.
 *
 * Matched without a regular expression, so without backtracking: the pattern is split at its stars;
 * the first piece must match at the start, the last at the end, and each piece between is taken at
 * its leftmost place after the one before (leftmost is always safe, since a star can absorb any
 * gap). Each piece is looked for once, so a match costs at most pattern length × name length
 * character comparisons, whatever the pattern (`*a*a*a…` included).
 */
export class Glob {
  private readonly pieces: string[][];
  private readonly starred: boolean;

  constructor(pattern: string) {
    const chars = (s: string) => Array.from(s.toLowerCase());
    const pieces = pattern.split('*');
    this.starred = pieces.length > 1;
    this.pieces = pieces.map(chars);
  }

  matches(name: string): boolean {
    const text = Array.from(name.toLowerCase());
    const pieces = this.pieces;
    if (!this.starred) return text.length === pieces[0]!.length && pieceAt(pieces[0]!, text, 0);
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    if (first.length + last.length > text.length) return false;
    if (!pieceAt(first, text, 0) || !pieceAt(last, text, text.length - last.length)) return false;
    let from = first.length;
    const end = text.length - last.length;
    for (let i = 1; i < pieces.length - 1; i++) {
      const piece = pieces[i]!;
      if (piece.length === 0) continue;
      const at = leftmost(piece, text, from, end);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  }
}

/** Whether `piece` (with `?` for any one character) matches `text` at `at`. */
function pieceAt(piece: string[], text: string[], at: number): boolean {
  for (let k = 0; k < piece.length; k++) {
    const c = piece[k]!;
    if (c !== '?' && c !== text[at + k]) return false;
  }
  return true;
}

/** The first place in text[from, end) where `piece` fits entirely, or -1. */
function leftmost(piece: string[], text: string[], from: number, end: number): number {
  for (let at = from; at + piece.length <= end; at++) if (pieceAt(piece, text, at)) return at;
  return -1;
}
