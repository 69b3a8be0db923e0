/** "Did you mean …": names close to what a person typed, by edit distance and shared prefix. */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` candidates within a third of the input's length in edits, or sharing a word. */
export function closeMatches(input: string, candidates: string[], max = 3): string[] {
  const q = input.trim().toLowerCase();
  const qWords = new Set(q.split(/[-\s]+/).filter(Boolean));
  return candidates
    .map((c) => {
      const d = editDistance(q, c.toLowerCase());
      const shares = c
        .toLowerCase()
        .split(/[-\s]+/)
        .some((w) => qWords.has(w));
      return { c, d, ok: d <= Math.max(2, Math.floor(q.length / 3)) || shares || c.startsWith(q) };
    })
    .filter((x) => x.ok)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
