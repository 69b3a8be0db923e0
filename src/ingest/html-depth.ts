import { LIMITS } from '../model/limits.ts';
import {
  isAsciiAlpha,
  isSpace,
  markupEnd,
  rawTextEnd,
  scanEndTag,
  scanStartTag,
} from './html-scan.ts';

/**
 * The nesting-depth pre-pass for HTML, run on the string before any DOM exists. linkedom's parser
 * (htmlparser2) is quadratic in depth and Readability is worse and recursive, so 100,000 nested
 * <div>s hang or overflow the stack. One linear pass keeps every element of the DOM linkedom will
 * build at most `maxDepth` deep:
 * - a page that never goes deeper comes back unchanged (the same string);
 * - a tag that would open deeper is held until its first text: if a child tag comes first it was
 *   only a wrapper and is dropped; otherwise it opens as a sibling of the deepest open element,
 *   which is closed early (browsers do the same past their own depth limit). Text is always kept.
 * The tokenizer and the tree rules (implied closes, void elements, raw text, self-closing tags
 * only in SVG/MathML) mirror htmlparser2's, so the depth counted here is linkedom's. Two stacks are
 * kept: the source's open elements, and which of them are open in the output.
 */

export interface HtmlShape {
  /** The HTML to parse: the input itself when nothing was deeper than the limit. */
  html: string;
  /** Elements in the DOM the output builds (start tags, and the <p>/<br> a stray </p>/</br> makes). */
  elements: number;
  /** The deepest nesting in the input, before flattening. */
  sourceDepth: number;
  /** Edits made to stay within the limit (tags dropped, held, moved or closed early); 0: none. */
  flattened: number;
  /**
   * Sum over the output's elements of depth²: Readability's work grows with it (it measures
   * each candidate's descendants' text), so callers can budget it.
   */
  depthWork: number;
}

/** Elements whose content is raw text up to their end tag (htmlparser2's list). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** Open a context where `/>` closes a tag (SVG, MathML) or return to HTML inside one. */
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set('mi mo mn ms mtext annotation-xml foreignobject desc title'.split(' '));
/** Dropped without a space: inline elements, where a space could split a word. */
const PHRASING = new Set(
  'a abbr b bdi bdo big cite code data dfn em font i kbd label mark nobr q s samp small span strike strong sub sup time tt u var'.split(
    ' ',
  ),
);

/** A start tag of the key closes open elements of these names at the top of the stack. */
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const p = new Set(['p']);
  const form = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
  const map = new Map<string, ReadonlySet<string>>([
    ['tr', new Set(['tr', 'th', 'td'])],
    ['th', new Set(['th'])],
    ['td', new Set(['thead', 'th', 'td'])],
    ['body', new Set(['head', 'link', 'script'])],
    ['li', new Set(['li'])],
    ['option', new Set(['option'])],
    ['optgroup', new Set(['optgroup', 'option'])],
    ['dd', new Set(['dd', 'dt'])],
    ['dt', new Set(['dd', 'dt'])],
    ['rt', new Set(['rt', 'rp'])],
    ['rp', new Set(['rt', 'rp'])],
    ['tbody', new Set(['thead', 'tbody'])],
    ['tfoot', new Set(['thead', 'tbody'])],
  ]);
  for (const name of 'select input output button datalist textarea'.split(' ')) map.set(name, form);
  const closesP =
    'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul';
  for (const name of closesP.split(' ')) map.set(name, p);
  return map;
})();

const CLOSED = 0; // in the source stack only: a dropped wrapper, or closed early in the output
const OPEN = 1; // open in the output too
const HELD = 2; // deeper than the limit, waiting for its first text

/** Keep every element of `html` at most `maxDepth` deep; see the module comment. */
export function limitHtmlDepth(html: string, maxDepth: number = LIMITS.htmlDepth): HtmlShape {
  const shaper = new DepthShaper(html, Math.max(1, maxDepth));
  const n = html.length;
  let textStart = 0;
  let p = 0;
  while (p < n) {
    const lt = html.indexOf('<', p);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    let end: number;
    if (isAsciiAlpha(next)) {
      shaper.text(textStart, lt);
      const tag = scanStartTag(html, lt);
      if (tag === null) return shaper.finish(n); // cut off by the end: the parser ignores it
      shaper.startTag(tag.name, lt, tag.end, tag.selfClosing);
      end = tag.end;
      if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
        const rawEnd = rawTextEnd(html, end, tag.name);
        shaper.text(end, rawEnd);
        end = rawEnd;
      }
    } else if (next === 0x2f /* / */) {
      shaper.text(textStart, lt);
      const close = scanEndTag(html, lt);
      if (close.name !== null) shaper.endTag(close.name, lt, close.end);
      end = close.end;
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      shaper.text(textStart, lt);
      end = markupEnd(html, lt);
    } else {
      p = lt + 1; // a "<" that starts no tag is text
      continue;
    }
    textStart = end;
    p = end;
  }
  shaper.text(textStart, n);
  return shaper.finish(n);
}

class DepthShaper {
  /** The source's open elements, bottom first, and their state (CLOSED, OPEN, HELD). */
  private readonly names: string[] = [];
  private readonly states: number[] = [];
  private readonly byName = new Map<string, number[]>();
  /** Indices of the source elements open in the output, bottom first: the output's stack. */
  private readonly open: number[] = [];
  /** htmlparser2's "foreign context" for the source and for the output (top last). */
  private readonly sourceForeign: boolean[] = [false];
  private readonly outputForeign: boolean[] = [false];
  private held: { start: number; end: number; selfClosing: boolean } | null = null;
  private readonly parts: string[] = [];
  private copied = 0;
  private elements = 0;
  private sourceDepth = 0;
  private flattened = 0;
  private depthWork = 0;

  constructor(
    private readonly html: string,
    private readonly maxDepth: number,
  ) {}

  finish(n: number): HtmlShape {
    const html =
      this.parts.length === 0 ? this.html : this.parts.join('') + this.html.slice(this.copied, n);
    const { elements, sourceDepth, flattened, depthWork } = this;
    return { html, elements, sourceDepth, flattened, depthWork };
  }

  /** Source text in [start, end): its first non-blank character releases a held tag. */
  text(start: number, end: number): void {
    if (this.held === null) return;
    for (let i = start; i < end; i++) {
      if (!isSpace(this.html.charCodeAt(i))) {
        this.releaseHeld(start);
        return;
      }
    }
  }

  startTag(name: string, start: number, end: number, selfClosing: boolean): void {
    this.dropHeld(); // a child before any text: the held tag was only a wrapper
    const isVoid = VOID.has(name);
    const implied = this.impliedOutputCloses(name);
    const fits = this.open.length - implied + 1 <= this.maxDepth;
    if (fits) this.closeOutput(implied);
    // When it does not fit, nothing open in the output is implied closed (the output is full
    // and its top is not), so these source pops touch only CLOSED elements.
    const closes = IMPLIES_CLOSE.get(name);
    while (closes?.has(this.names[this.names.length - 1] ?? '')) {
      this.popSource();
    }
    if (!isVoid) pushForeign(this.sourceForeign, name);
    const stays = !isVoid && !(selfClosing && top(this.sourceForeign));
    this.sourceDepth = Math.max(this.sourceDepth, this.names.length + 1);
    if (fits) {
      const index = stays ? this.pushSource(name, CLOSED) : -1;
      this.placed(name, selfClosing, index, end); // verbatim
    } else if (!stays) {
      this.makeRoom(name, start);
      this.placed(name, selfClosing, -1, end);
    } else {
      this.pushSource(name, HELD);
      this.held = { start, end, selfClosing };
      this.splice(start, end, separator(name));
    }
  }

  endTag(name: string, start: number, end: number): void {
    const foreign = FOREIGN.has(name) || INTEGRATION.has(name);
    if (foreign) this.sourceForeign.pop(); // htmlparser2 does this for any such end tag
    const index = this.byName.get(name)?.at(-1);
    if (index === undefined || VOID.has(name)) {
      // Unmatched: ignored, except that </p> and </br> make an empty <p> or a <br>.
      if (name === 'p' || name === 'br') {
        this.dropHeld();
        this.sourceDepth = Math.max(this.sourceDepth, this.names.length + 1);
        if (this.open.length + 1 > this.maxDepth) {
          this.splice(start, end, ' ');
          return;
        }
        this.elements++;
        this.depthWork += (this.open.length + 1) ** 2;
      }
      if (foreign) this.outputForeign.pop();
      return;
    }
    if (this.states[index] === OPEN) {
      // The output closes the same element, and what is open above it: verbatim.
      while (this.names.length > index) {
        const state = this.popSource();
        if (state === OPEN) this.open.pop();
        if (state === HELD) this.held = null;
      }
      if (foreign) this.outputForeign.pop();
      return;
    }
    // Not open in the output (dropped, held or closed early): close what is, drop the tag.
    while (this.names.length > index) {
      const state = this.states[this.states.length - 1];
      if (state === OPEN) this.closeOutputTop(start);
      if (state === HELD) this.held = null;
      this.popSource();
    }
    this.splice(start, end, separator(name));
  }

  /** The held tag gets text: open it at `at`, as a sibling of the deepest open element if need be. */
  private releaseHeld(at: number): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    const index = this.names.length - 1;
    const name = this.names[index] ?? '';
    this.makeRoom(name, at);
    this.insert(at, this.html.slice(held.start, held.end));
    this.placed(name, held.selfClosing, index, at);
  }

  private dropHeld(): void {
    if (this.held === null) return;
    this.held = null;
    this.states[this.states.length - 1] = CLOSED;
  }

  /** Before a tag at `at` that would be too deep: close the output's deepest element early. */
  private makeRoom(name: string, at: number): void {
    const implied = this.impliedOutputCloses(name);
    if (this.open.length - implied + 1 > this.maxDepth) this.closeOutputTop(at);
    this.closeOutput(this.impliedOutputCloses(name));
  }

  /**
   * The output now has start tag `name` (ending at `end`): follow what htmlparser2 does with it.
   * `index` is its source element, or -1 when the source does not keep it open.
   */
  private placed(name: string, selfClosing: boolean, index: number, end: number): void {
    const isVoid = VOID.has(name);
    this.elements++;
    this.depthWork += (this.open.length + 1) ** 2;
    if (!isVoid) pushForeign(this.outputForeign, name);
    if (isVoid || (selfClosing && top(this.outputForeign))) {
      if (index >= 0) this.states[index] = CLOSED;
      return;
    }
    if (index >= 0) {
      this.states[index] = OPEN;
      this.open.push(index);
      return;
    }
    // Closed in the source (self-closing in its foreign context) but open in the output.
    this.insert(end, `</${name}>`);
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.outputForeign.pop();
  }

  /** How many of the output's top elements htmlparser2 closes when start tag `name` comes. */
  private impliedOutputCloses(name: string): number {
    const closes = IMPLIES_CLOSE.get(name);
    if (closes === undefined) return 0;
    let count = 0;
    for (let i = this.open.length - 1; i >= 0; i--) {
      if (!closes.has(this.names[this.open[i] ?? -1] ?? '')) break;
      count++;
    }
    return count;
  }

  /** The parser closes the output's top `count` elements by itself. */
  private closeOutput(count: number): void {
    for (let i = 0; i < count; i++) this.states[this.open.pop() ?? -1] = CLOSED;
  }

  /** Close the output's deepest element with an inserted end tag at `at`. */
  private closeOutputTop(at: number): void {
    const index = this.open.pop();
    if (index === undefined) return;
    this.states[index] = CLOSED;
    const name = this.names[index] ?? '';
    this.insert(at, `</${name}>`);
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.outputForeign.pop();
  }

  private pushSource(name: string, state: number): number {
    const index = this.names.length;
    this.names.push(name);
    this.states.push(state);
    const same = this.byName.get(name);
    if (same) same.push(index);
    else this.byName.set(name, [index]);
    return index;
  }

  /** Pop the source's top element; its state. */
  private popSource(): number {
    const name = this.names.pop() ?? '';
    this.byName.get(name)?.pop();
    return this.states.pop() ?? CLOSED;
  }

  private insert(at: number, text: string): void {
    this.splice(at, at, text);
  }

  /** Output the source up to `at`, then `text`; the source resumes at `resume`. */
  private splice(at: number, resume: number, text: string): void {
    // One space stands for a run of dropped tags (100,000 </div>s need not leave 100,000).
    const spaced = at === this.copied && text === ' ' && this.parts[this.parts.length - 1] === ' ';
    if (!spaced) this.parts.push(this.html.slice(this.copied, at), text);
    this.copied = resume;
    this.flattened++;
  }
}

function separator(name: string): string {
  return PHRASING.has(name) ? '' : ' ';
}

function top(stack: readonly boolean[]): boolean {
  return stack[stack.length - 1] === true;
}

function pushForeign(stack: boolean[], name: string): void {
  if (FOREIGN.has(name)) stack.push(true);
  else if (INTEGRATION.has(name)) stack.push(false);
}
