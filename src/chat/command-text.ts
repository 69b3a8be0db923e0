import type { CommandDeclaration } from '../model/command.ts';

/**
 * Slack gives an app one slash command with free-text arguments, so `/brief <words>` carries
 * every declared command: `help` and `topics` are the adapter's own, a subcommand name of a
 * command that has subcommands (`subscribe`, `list`, `unsubscribe`) runs that subcommand with
 * the following words as its options in declared order, and anything else is the main
 * command's options (`/brief iran-uk 7d` → topic, since). A subcommand in a group takes two
 * words (`/brief feed add <url>`).
 */

export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'topics' }
  | { kind: 'usage'; message: string }
  | {
      kind: 'invoke';
      command: string;
      subcommand: string | null;
      options: Record<string, string>;
    };

interface Target {
  command: string;
  subcommand: string | null;
  options: CommandDeclaration['options'];
}

export function parseCommandText(
  text: string,
  commands: readonly CommandDeclaration[],
  main: string,
  slash: string,
): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase();
  if (first === undefined || first === 'help') return { kind: 'help' };
  if (first === 'topics' && words.length === 1) return { kind: 'topics' };

  // A two-word subcommand ("feed add") is tried before a one-word one.
  const second = words[1]?.toLowerCase();
  const pair = second === undefined ? null : findSubcommand(commands, `${first} ${second}`);
  const sub = pair ?? findSubcommand(commands, first);
  const name = pair ? `${first} ${second}` : first;
  const target: Target | null = sub
    ? { command: sub.command, subcommand: name, options: sub.options }
    : mainTarget(commands, main);
  if (!target) return { kind: 'usage', message: `Unknown command. Try ${slash} help.` };
  const values = sub ? words.slice(pair ? 2 : 1) : words;

  const usage = `Usage: ${usageLine(slash, target)}`;
  if (values.length > target.options.length)
    return { kind: 'usage', message: `Too many words. ${usage}` };
  const options: Record<string, string> = {};
  for (const [i, option] of target.options.entries()) {
    const value = values[i];
    if (value !== undefined) options[option.name] = value;
    else if (option.required) return { kind: 'usage', message: `Missing ${option.name}. ${usage}` };
  }
  return { kind: 'invoke', command: target.command, subcommand: target.subcommand, options };
}

/** Help lines generated from the declared commands, so they never drift from them. */
export function helpText(
  commands: readonly CommandDeclaration[],
  main: string,
  slash: string,
): string {
  const lines: string[] = [];
  const mainSpec = mainTarget(commands, main);
  const mainDescription = commands.find((c) => c.name === main)?.description;
  if (mainSpec) lines.push(`• \`${usageLine(slash, mainSpec)}\` — ${mainDescription ?? ''}`);
  lines.push(`• \`${slash} topics\` — the defined topics`);
  for (const c of commands)
    for (const s of c.subcommands) {
      const target = { command: c.name, subcommand: s.name, options: s.options };
      const who = s.manage ? ' (workspace admins and configured managers)' : '';
      lines.push(`• \`${usageLine(slash, target)}\` — ${s.description}${who}`);
    }
  lines.push(`• \`${slash} help\` — this list`);
  lines.push('Ask follow-up questions in a briefing’s thread.');
  return lines.join('\n');
}

function usageLine(slash: string, t: Target): string {
  const args = t.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [slash, t.subcommand, ...args].filter(Boolean).join(' ');
}

function mainTarget(commands: readonly CommandDeclaration[], main: string): Target | null {
  const spec = commands.find((c) => c.name === main && !c.subcommands.length);
  return spec ? { command: spec.name, subcommand: null, options: spec.options } : null;
}

function findSubcommand(
  commands: readonly CommandDeclaration[],
  word: string,
): { command: string; options: CommandDeclaration['options'] } | null {
  for (const c of commands) {
    const s = c.subcommands.find((x) => x.name === word);
    if (s) return { command: c.name, options: s.options };
  }
  return null;
}
