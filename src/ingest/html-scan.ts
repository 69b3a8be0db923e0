/**
 * Where htmlparser2's tokens end, for the depth pre-pass (html-depth.ts): the same states as its
 * tokenizer (the parser linkedom uses), each token found in one forward pass with indexOf, so a
 * whole page is scanned in linear time whatever it holds.
 */

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

export function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** `<name attrs… [/]>` at `lt`; null when the input ends inside it (the parser drops it). */
export function scanStartTag(
  html: string,
  lt: number,
): { name: string; end: number; selfClosing: boolean } | null {
  const n = html.length;
  let p = lt + 1;
  while (p < n && !isTagSectionEnd(html.charCodeAt(p))) p++;
  const name = html.slice(lt + 1, p).toLowerCase();
  let slash = false; // after a "/" between attributes
  while (p < n) {
    const c = html.charCodeAt(p);
    if (c === 0x3e /* > */) return { name, end: p + 1, selfClosing: slash };
    if (isSpace(c)) {
      p++;
      continue;
    }
    if (c === 0x2f /* / */) {
      slash = true;
      p++;
      continue;
    }
    slash = false;
    p = scanAttribute(html, p);
    if (p < 0) return null;
  }
  return null;
}

/** One attribute (name, optional `= value`) starting at `p`; where it ends, or -1 at the end. */
function scanAttribute(html: string, p: number): number {
  const n = html.length;
  p++; // the first character belongs to the name, even "=" or a quote
  while (p < n) {
    const c = html.charCodeAt(p);
    if (c === 0x3d /* = */ || isTagSectionEnd(c)) break;
    p++;
  }
  while (p < n && isSpace(html.charCodeAt(p))) p++;
  if (p >= n) return -1;
  if (html.charCodeAt(p) !== 0x3d) return p;
  p++;
  while (p < n && isSpace(html.charCodeAt(p))) p++;
  if (p >= n) return -1;
  const quote = html.charCodeAt(p);
  if (quote === 0x22 || quote === 0x27) {
    const close = html.indexOf(quote === 0x22 ? '"' : "'", p + 1);
    return close < 0 ? -1 : close + 1;
  }
  while (p < n && !isSpace(html.charCodeAt(p)) && html.charCodeAt(p) !== 0x3e) p++;
  return p;
}

function isTagSectionEnd(c: number): boolean {
  return c === 0x2f || c === 0x3e || isSpace(c);
}

/** `</…>` at `lt`: the closed name (null when the parser ignores it) and where it ends. */
export function scanEndTag(html: string, lt: number): { name: string | null; end: number } {
  const n = html.length;
  let p = lt + 2;
  while (p < n && isSpace(html.charCodeAt(p))) p++;
  if (p >= n) return { name: null, end: n };
  const first = html.charCodeAt(p);
  if (first === 0x3e) return { name: null, end: p + 1 }; // "</>"
  if (!isAsciiAlpha(first)) return { name: null, end: endAt(html, '>', p + 1, 1) }; // a comment
  const start = p;
  while (p < n && html.charCodeAt(p) !== 0x3e && !isSpace(html.charCodeAt(p))) p++;
  if (p >= n) return { name: null, end: n };
  // The name counts even if no ">" follows; attributes on end tags are skipped unparsed.
  return { name: html.slice(start, p).toLowerCase(), end: endAt(html, '>', p, 1) };
}

/** `<!…>`, `<!--…-->`, `<![CDATA[…]]>` or `<?…>` at `lt`: where it ends. */
export function markupEnd(html: string, lt: number): number {
  if (html.charCodeAt(lt + 1) === 0x3f) return endAt(html, '>', lt + 2, 1);
  if (html.startsWith('--', lt + 2)) return endAt(html, '-->', lt + 2, 3); // "<!-->" closes too
  if (html.startsWith('[CDATA[', lt + 2)) return endAt(html, ']]>', lt + 9, 3);
  if (html.charCodeAt(lt + 2) === 0x2d) return endAt(html, '>', lt + 4, 1); // "<!-x…>"
  return endAt(html, '>', lt + 3, 1); // htmlparser2 skips the character after "<!"
}

/** Where the content of raw-text element `name` from `from` ends: at its end tag, or the end. */
export function rawTextEnd(html: string, from: number, name: string): number {
  const n = html.length;
  let p = from;
  for (;;) {
    const lt = html.indexOf('</', p);
    if (lt < 0) return n;
    const after = lt + 2 + name.length;
    if (after < n && sameAsciiLower(html, lt + 2, name)) {
      const c = html.charCodeAt(after);
      if (c === 0x3e || isSpace(c)) return lt;
    }
    p = lt + 2;
  }
}

function sameAsciiLower(html: string, at: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    if ((html.charCodeAt(at + i) | 0x20) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function endAt(html: string, token: string, from: number, length: number): number {
  const at = html.indexOf(token, from);
  return at < 0 ? html.length : at + length;
}
