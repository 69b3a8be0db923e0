/**
 * A bounded memo of a pure function of a string: emptied when it reaches `max` entries, so a
 * long-running process keeps at most that many. For work a briefing repeats on the same
 * words and sentences (stems, content words).
 */
export function boundedMemo<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      if (memo.size >= max) memo.clear();
      value = compute(key);
      memo.set(key, value);
    }
    return value;
  };
}
