/**
 * Slack sends message and command text with its control sequences (`<@U1>`, `<#C1|news>`,
 * `<https://…|label>`, `<!here>`) and `&`, `<`, `>` escaped. The core wants what the person
 * typed: mentions of `botUserId` dropped, others as `@name`, links as their label (a typed
 * address as the full URL), entities decoded. What goes back out is escaped again by the renderer.
 */
export function plainFromSlack(text: string, botUserId: string | null = null): string {
  const plain = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@'))
      return target.slice(1) === botUserId ? ' ' : at(label ?? target.slice(1));
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return at(label ?? target.slice(1).split('^')[0] ?? '');
    // A link Slack made of a typed address ("news.example/feed" → <https://news.example/feed|
    // news.example/feed>) is the address itself, so a command such as `feed add` gets the URL.
    if (label === undefined || target.replace(/^[a-z]+:\/\//i, '') === label) return target;
    return label;
  });
  return plain
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const at = (name: string): string => (name.startsWith('@') ? name : `@${name}`);
