/**
 * Near-duplicate measures for article texts: hashed word 5-gram shingles, counted exactly
 * (no sampling), so results never depend on luck. Five words is long enough that two
 * independent reports rarely share more than a quoted phrase, short enough that one changed
 * word costs only five shingles.
 */

export const SHINGLE_WORDS = 5;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The shingles of a text in reading order (a repeated phrase repeats). Words are runs of
 * letters and digits, lowercased, so punctuation, quotation marks and spacing (what
 * re-wrapping changes) do not count. One pass with no intermediate strings: this runs on
 * every briefing, over every article.
 */
export function shingles(text: string): Uint32Array {
  const t = text.toLowerCase();
  const out = new Uint32Array((t.length >> 1) + 1);
  let n = 0;
  let words = 0;
  let h = 0;
  let inWord = false;
  // The last four word hashes, oldest first.
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 32;
    const isWord =
      c < 128
        ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
        : // General punctuation (curly quotes, dashes) is common in news and never a letter.
          !(c >= 0x2000 && c <= 0x206f) && WORD_CHAR.test(t[i]!);
    if (isWord) {
      if (!inWord) h = FNV_OFFSET;
      inWord = true;
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (!inWord) continue;
    inWord = false;
    const w4 = h >>> 0;
    if (++words >= SHINGLE_WORDS) {
      let s = Math.imul(FNV_OFFSET ^ w0, FNV_PRIME);
      s = Math.imul(s ^ w1, FNV_PRIME);
      s = Math.imul(s ^ w2, FNV_PRIME);
      s = Math.imul(s ^ w3, FNV_PRIME);
      out[n++] = Math.imul(s ^ w4, FNV_PRIME) >>> 0;
    }
    w0 = w1;
    w1 = w2;
    w2 = w3;
    w3 = w4;
  }
  return out.slice(0, n);
}

export interface Resemblance {
  shared: number;
  /** Shared over the union: 1 for the same text, whatever else either adds. */
  jaccard: number;
  /** Shared over the smaller set: 1 when one text is carried whole inside the other. */
  containment: number;
}

export function resemblanceOf(shared: number, sizeA: number, sizeB: number): Resemblance {
  const smaller = Math.min(sizeA, sizeB);
  const union = sizeA + sizeB - shared;
  return {
    shared,
    jaccard: union === 0 ? 0 : shared / union,
    containment: smaller === 0 ? 0 : shared / smaller,
  };
}

export interface Overlaps {
  /** Distinct shingles of each text. */
  sizes: Uint32Array;
  /** Distinct shingles each pair of texts shares, as an n × n table (row i, column j). */
  shared: Uint32Array;
}

/**
 * Distinct and shared shingle counts for a batch of texts. All shingles, tagged with their
 * text, are radix-sorted once, rather than merging n²/2 pairs: the cost grows with the text,
 * and only shingles that recur in several texts touch the pair table.
 */
export function overlaps(lists: Uint32Array[]): Overlaps {
  const n = lists.length;
  const sizes = new Uint32Array(n);
  const shared = new Uint32Array(n * n);
  const total = lists.reduce((k, s) => k + s.length, 0);
  let hashes = new Uint32Array(total);
  let owners = new Uint32Array(total);
  let o = 0;
  lists.forEach((list, i) => {
    hashes.set(list, o);
    owners.fill(i, o, o + list.length);
    o += list.length;
  });
  // Two stable passes of 16 bits: equal hashes end up together, their owners still ascending.
  let spareHashes = new Uint32Array(total);
  let spareOwners = new Uint32Array(total);
  for (const shift of [0, 16]) {
    const starts = new Uint32Array(65537);
    for (let k = 0; k < total; k++) starts[((hashes[k]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65536; d++) starts[d] = starts[d]! + starts[d - 1]!;
    for (let k = 0; k < total; k++) {
      const at = starts[(hashes[k]! >>> shift) & 0xffff]!++;
      spareHashes[at] = hashes[k]!;
      spareOwners[at] = owners[k]!;
    }
    [hashes, spareHashes] = [spareHashes, hashes];
    [owners, spareOwners] = [spareOwners, owners];
  }
  const run: number[] = [];
  for (let start = 0; start < total; ) {
    const hash = hashes[start];
    let end = start + 1;
    if (end === total || hashes[end] !== hash) {
      // Most shingles occur in one text only.
      sizes[owners[start]!]!++;
      start = end;
      continue;
    }
    run.length = 0;
    run.push(owners[start]!);
    for (; end < total && hashes[end] === hash; end++)
      if (run[run.length - 1] !== owners[end]) run.push(owners[end]!);
    for (let x = 0; x < run.length; x++) {
      const i = run[x]!;
      sizes[i]!++;
      for (let y = x + 1; y < run.length; y++) {
        const j = run[y]!;
        shared[i * n + j]!++;
        shared[j * n + i]!++;
      }
    }
    start = end;
  }
  return { sizes, shared };
}
