import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/util/date.js';

describe('isIsoDate: real calendar dates as YYYY-MM-DD only', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2024-12-31', true],
    ['0000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2099-13-45', false],
    ['2024-00-10', false],
    ['2024-04-31', false],
    ['2024-01-00', false],
    ['2024-1-5', false],
    ['2024-01-05T00:00', false],
    [' 2024-01-05', false],
    ['2024-01-05\n', false],
  ])('%j → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});
