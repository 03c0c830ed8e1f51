// Failures of the live writer, one code per condition; the message is made in the user's language from
// src/i18n. The Office error that caused it is kept as `cause` (with its code) for the log.
import { strings, type Locale, type Strings } from '../i18n';

/** One code per condition; each has its message in src/i18n. */
export type ExcelInsertErrorCode = keyof Strings['excel']['errors'];

const message = (locale: Locale, code: ExcelInsertErrorCode, detail: string, sheet: string): string =>
  strings(locale).excel.errors[code](detail, sheet);

export class ExcelInsertError extends Error {
  readonly code: ExcelInsertErrorCode;
  /** The Office error text (or other detail), untranslated. */
  readonly detail: string;
  /** The worksheet concerned, when there is one. */
  readonly sheet: string;
  /** How many `context.sync` calls ran before the failure. */
  readonly syncs: number;

  constructor(
    code: ExcelInsertErrorCode,
    detail: string,
    options: { sheet?: string; syncs: number; locale?: Locale; cause?: unknown },
  ) {
    // The message is in the user's language: the task pane shows it as it is.
    super(message(options.locale ?? 'zh-CN', code, detail, options.sheet ?? ''), { cause: options.cause });
    this.name = 'ExcelInsertError';
    this.code = code;
    this.detail = detail;
    this.sheet = options.sheet ?? '';
    this.syncs = options.syncs;
  }

  localized(locale: Locale): string {
    return message(locale, this.code, this.detail, this.sheet);
  }
}

/** An Office error (or anything thrown) as a short detail: its message, with the Office error code if any. */
export function describeOfficeError(error: unknown): string {
  if (error instanceof Error) {
    const code: unknown = (error as { code?: unknown }).code;
    return typeof code === 'string' && code !== '' && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}
