import { KblintError } from '../errors.js';

/**
 * Whether `text` is a real calendar date written as ISO `YYYY-MM-DD` (`2024-02-29` yes,
 * `2023-02-29`, `2099-13-45` and `2024-1-5` no). Dates compare as strings elsewhere, so only this
 * exact form is a date.
 */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no time zone or DST in the way;
  // setUTCFullYear, since Date.UTC reads years 0–99 as 1900–1999).
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

/**
 * A waiver's `expires` must be a real date: the schema's pattern lets `2099-13-45` through, and a
 * string comparison with today would then keep the waiver active for ever.
 */
export function assertWaiverDates(waivers: readonly { expires: string }[], expiresAt: (index: number) => { file: string; line?: number; column?: number }): void {
  waivers.forEach((w, i) => {
    if (!isIsoDate(w.expires)) {
      throw new KblintError('invalid-waivers', `expires: expected a real date written YYYY-MM-DD (such as 2027-03-31); got '${w.expires.replace(/[\u0000-\u001f\u007f]/g, '?')}'`, expiresAt(i));
    }
  });
}
