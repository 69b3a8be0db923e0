/**
 * Text from articles and file names is printed to terminals, where escape sequences clear the
 * screen, forge hyperlinks (OSC 8) or retitle the window, and a newline forges a report line.
 * Everything printed from article data passes through one of these two functions.
 */

// ESC-introduced sequences: CSI (ESC [ … final byte), OSC/DCS/PM/APC/SOS (… until BEL or ST),
// and two-character escapes. Their parameters are removed with them, not left as litter.
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|\u001b\\|$)|\u001b[\s\S]?/g;
// C0 and C1 controls (but tab and newline), DEL, and bidirectional overrides and isolates,
// which can make printed text read differently from what it is.
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on several lines: escapes and controls removed, tabs and newlines kept. */
export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** Text safe to print as one field of one line: as forTerminal, and line breaks become spaces. */
export function forTerminalLine(text: string): string {
  return forTerminal(text).replace(/[\r\n\u2028\u2029]+/g, ' ');
}
