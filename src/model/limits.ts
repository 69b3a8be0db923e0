/**
 * The limits that keep one input from crashing, hanging or flooding Briefwire. Every one has
 * a name and a default here; the README lists them. Only the file size is configurable
 * (BRIEFWIRE_MAX_FILE_BYTES): the others bound work per article and message, not what to accept.
 */
export const LIMITS = {
  /** Bytes read from one input file; a larger file is refused by name (INPUT_TOO_LARGE). */
  fileBytes: 10 * 1024 * 1024,
  /** Characters of one article's text that are analysed; the rest is stored, and the analysis says so. */
  analysedChars: 1024 * 1024,
  /** Paragraphs of one article that are analysed. */
  analysedParagraphs: 10_000,
  /** Element nesting kept when reading HTML; deeper tags are dropped and their text kept. */
  htmlDepth: 256,
  /** Characters in a summary sentence; a longer sentence is not used in a summary. */
  summarySentenceChars: 600,
  /** Characters in a quote; a longer one is not shown. */
  quoteChars: 600,
  /** Characters in an actor's name or role. */
  actorNameChars: 80,
  /** Characters in a word; a longer unbroken token is broken when shown. */
  tokenChars: 60,
} as const;
