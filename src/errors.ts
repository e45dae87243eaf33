/**
 * An input or usage problem that the CLI reports as `file:line:column: message` and exit code 2.
 * Anything else that escapes is a bug in kblint.
 */
export class KblintError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly code: string;

  constructor(
    code: string,
    message: string,
    where: { file?: string; line?: number; column?: number } = {},
  ) {
    super(message);
    this.name = 'KblintError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }

  /** `file:line:column: message`, leaving out the parts that are unknown. */
  format(): string {
    const where = [this.file, this.line, this.column].filter((p) => p !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function isKblintError(e: unknown): e is KblintError {
  return e instanceof KblintError;
}
