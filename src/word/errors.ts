// Failures of the Word side, one code per condition; the task pane words them for the user (src/i18n),
// from the code. The Office error that caused one is kept as `cause` (with its code) for the log.

export type WordLinkErrorCode =
  /** This Word has no WordApi 1.1 (or no Word API at all: outside Office, WPS). */
  | 'API_UNSUPPORTED'
  /** A batch failed: Word refused a call. What the batches before it wrote stays in the document. */
  | 'BATCH_FAILED';

export class WordLinkError extends Error {
  readonly code: WordLinkErrorCode;
  /** The Office error text (or other detail), untranslated. */
  readonly detail: string;
  /** How many `context.sync` calls ran, the failing one included. */
  readonly syncs: number;

  constructor(code: WordLinkErrorCode, detail: string, options: { syncs: number; cause?: unknown }) {
    super(`${code}: ${detail}`, { cause: options.cause });
    this.name = 'WordLinkError';
    this.code = code;
    this.detail = detail;
    this.syncs = options.syncs;
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

/** `context.sync` with a count, so that results and errors can say how many round trips were made. */
export class SyncCounter {
  count = 0;
  constructor(private readonly context: Word.RequestContext) {}

  readonly sync = async (): Promise<void> => {
    this.count += 1;
    await this.context.sync();
  };

  /** Runs the steps, turning whatever Word throws into a WordLinkError with the count. */
  async guard<T>(steps: () => Promise<T>): Promise<T> {
    try {
      return await steps();
    } catch (error) {
      if (error instanceof WordLinkError) throw error;
      throw new WordLinkError('BATCH_FAILED', describeOfficeError(error), { syncs: this.count, cause: error });
    }
  }
}
