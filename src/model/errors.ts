/**
 * Every failure a person may see carries a stable code and the input it is about
 * (a file, a URL, a topic, an environment variable), so messages can name it.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_UNSUPPORTED'
  | 'INPUT_EMPTY'
  | 'INPUT_MALFORMED'
  /** The input is larger than a limit (bytes per file); input: the file. */
  | 'INPUT_TOO_LARGE'
  /** The bytes are not text in any encoding we can name (NULs, controls, undecodable); input: the file. */
  | 'INPUT_NOT_TEXT'
  | 'TOPIC_UNKNOWN'
  | 'TOPIC_INVALID'
  | 'NO_ARTICLES'
  | 'STORE_FAILED'
  /** A URL was not fetched: not http(s), not a public address, robots.txt, redirects; input: the URL. */
  | 'FETCH_REFUSED'
  | 'FETCH_TIMEOUT'
  /** The body (after decompression) passed the size limit; input: the URL. */
  | 'FETCH_TOO_LARGE'
  /** The network or the server failed (an HTTP error status); input: the URL. */
  | 'FETCH_FAILED'
  /** What was fetched or read is not a feed we can parse; input: the URL or file. */
  | 'FEED_INVALID'
  /** No feed with that id or URL is followed; input: what was asked for. */
  | 'FEED_UNKNOWN'
  /** The database file belongs to another application; input: its path. */
  | 'STORE_FOREIGN'
  /** Another process held the database's write lock past the busy timeout; input: its path. */
  | 'STORE_BUSY'
  /** The database server cannot be reached (down, refused, gone mid-query); input: its URL, password hidden. */
  | 'STORE_UNAVAILABLE'
  | 'DELIVERY_FAILED'
  /** A chat platform refused the bot or could not be reached; input: its API URL. */
  | 'PLATFORM_FAILED'
  /** The model endpoint for generated answers failed; input: its URL. */
  | 'LLM_FAILED'
  /** A data file shipped with Briefwire does not fit this code; input: the file. */
  | 'DATA_INVALID';

export class BriefwireError extends Error {
  readonly code: ErrorCode;
  readonly input: string | undefined;

  constructor(code: ErrorCode, message: string, input?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BriefwireError';
    this.code = code;
    this.input = input;
  }
}

export function isBriefwireError(e: unknown): e is BriefwireError {
  return e instanceof BriefwireError;
}

/** A one-line reason for any thrown value, for per-input reports. */
export function reasonOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
