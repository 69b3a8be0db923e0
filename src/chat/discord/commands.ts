import {
  type APIApplicationCommand,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { CommandDeclaration, CommandOption, SubcommandSpec } from '../../model/command.ts';

/**
 * Our CommandSpecs as Discord slash commands, and their registration: the registered set is
 * read first and replaced only when it differs, so a restart does not touch the commands.
 */

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<CommandJson['options']>[number];

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function optionJson(o: CommandOption): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: o.name,
    description: clip(o.description, 100),
    required: o.required,
    ...(o.autocomplete ? { autocomplete: true } : {}),
  };
}

/** Discord rejects a required option after an optional one. */
const requiredFirst = (options: CommandOption[]): CommandOption[] =>
  [...options].sort((a, b) => Number(b.required) - Number(a.required));

function subcommandJson(sub: SubcommandSpec, name: string): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: clip(sub.description, 100),
    options: requiredFirst(sub.options).map(optionJson),
  };
}

/** Subcommands in declared order; a two-word name ("feed add") goes into its group ("feed"). */
function subcommandOptions(spec: CommandDeclaration): OptionJson[] {
  const out: OptionJson[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandOption[]>();
  for (const sub of spec.subcommands) {
    const [group, leaf] = sub.name.split(' ');
    if (leaf === undefined || group === undefined) {
      out.push(subcommandJson(sub, sub.name));
      continue;
    }
    let members = groups.get(group);
    if (!members) {
      members = [];
      groups.set(group, members);
      const description = spec.groups?.find((g) => g.name === group)?.description ?? group;
      out.push({
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: group,
        description: clip(description, 100),
        options: members,
      });
    }
    members.push(subcommandJson(sub, leaf));
  }
  return out;
}

export function slashCommands(specs: readonly CommandDeclaration[]): CommandJson[] {
  return specs.map((spec) => {
    const options: OptionJson[] = spec.subcommands.length
      ? subcommandOptions(spec)
      : requiredFirst(spec.options).map(optionJson);
    // Discord can hide a whole command from members without a permission, not a subcommand:
    // a command with a manage-only subcommand is shown to channel managers by default (server
    // admins can widen that), and the core checks the permission again at run time.
    const manage = spec.subcommands.some((s) => s.manage);
    return {
      type: ApplicationCommandType.ChatInput,
      name: spec.name,
      description: clip(spec.description, 100),
      options,
      default_member_permissions: manage ? String(PermissionFlagsBits.ManageChannels) : null,
    };
  });
}

interface Comparable {
  type?: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: readonly Comparable[];
  default_member_permissions?: string | null;
}

/** The fields we set, with Discord's defaults filled in, so ours and the API's compare equal. */
function normalise(c: Comparable): unknown {
  return {
    type: c.type ?? ApplicationCommandType.ChatInput,
    name: c.name,
    description: c.description,
    required: c.required ?? false,
    autocomplete: c.autocomplete ?? false,
    permissions: c.default_member_permissions ?? null,
    options: (c.options ?? []).map(normalise),
  };
}

export function sameCommands(
  registered: readonly Comparable[],
  ours: readonly Comparable[],
): boolean {
  const key = (list: readonly Comparable[]): string =>
    JSON.stringify([...list].sort((a, b) => a.name.localeCompare(b.name)).map((c) => normalise(c)));
  return key(registered) === key(ours);
}

/** Registers our commands (in one guild, or globally) when they differ from what is there. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null,
  specs: readonly CommandDeclaration[],
): Promise<{ changed: boolean; scope: string }> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? `guild ${guildId}` : 'global';
  const ours = slashCommands(specs);
  const registered = (await rest.get(route)) as APIApplicationCommand[];
  if (sameCommands(registered as Comparable[], ours as Comparable[]))
    return { changed: false, scope };
  await rest.put(route, { body: ours });
  return { changed: true, scope };
}
