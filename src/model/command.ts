/**
 * Slash commands as data, declared once in commands/ and registered on every platform. An
 * adapter turns a declaration into its platform's registration and its events into an
 * Invocation; what a command does (its `run`) lives in commands/, above the adapters' reach.
 */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** The platform asks the core for suggestions while the option is typed. */
  autocomplete?: boolean;
}

export interface SubcommandSpec {
  /** One word, or two for a subcommand in a group ("feed add": group "feed", subcommand "add"). */
  name: string;
  description: string;
  options: CommandOption[];
  /** Only people who can manage the channel may run it. */
  manage: boolean;
}

export interface CommandDeclaration {
  name: string;
  description: string;
  /** Options of a command without subcommands. */
  options: CommandOption[];
  subcommands: SubcommandSpec[];
  /** Descriptions of the groups that two-word subcommand names open ("feed"). */
  groups?: Array<{ name: string; description: string }>;
}
