import { isFormat, FORMAT_NAMES } from './index.js';
import { suggest } from './suggest.js';

export interface OutputSpec {
  format: string;
  /** Where to write; none for standard output. */
  file?: string;
}

/**
 * `--format` values as outputs: `github`, `sarif:kblint.sarif`, `junit:reports/kblint.xml`. The
 * first colon separates format and file (so `sarif:C:\out.sarif` works). `--output` is the file
 * of a lone format given without one. Throws a message naming the bad value.
 */
export function parseOutputs(values: readonly string[], output: string | undefined): OutputSpec[] {
  const specs = values.map((value): OutputSpec => {
    const colon = value.indexOf(':');
    const format = colon < 0 ? value : value.slice(0, colon);
    const file = colon < 0 ? undefined : value.slice(colon + 1);
    if (!isFormat(format)) {
      const hint = suggest(format, FORMAT_NAMES);
      throw new Error(`--format: expected one of ${FORMAT_NAMES.join(', ')}, optionally with :file; got '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
    }
    if (file === '') throw new Error(`--format ${value}: the file after ':' is empty`);
    return file === undefined ? { format } : { format, file };
  });
  if (output !== undefined) {
    const toStdout = specs.filter((s) => s.file === undefined);
    if (toStdout.length !== 1) throw new Error(`--output: give the file of each format as --format format:file when there are several`);
    toStdout[0]!.file = output;
  }
  const files = specs.flatMap((s) => (s.file ? [s.file] : []));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new Error(`--format: two formats write to ${twice}`);
  return specs;
}
