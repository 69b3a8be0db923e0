import type { Topic } from '../briefing/topics.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/port.ts';
import type { Invocation } from './port.ts';
import type { Reply } from './reply.ts';

/**
 * Slash commands as data, declared once in commands/ and registered on every platform. An
 * adapter turns a spec into its platform's registration and its events into an Invocation.
 */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** The platform asks the core for suggestions while the option is typed. */
  autocomplete?: boolean;
}

export interface SubcommandSpec {
  name: string;
  description: string;
  options: CommandOption[];
  /** Only people who can manage the channel may run it. */
  manage: boolean;
}

export interface CommandContext {
  store: Store;
  topics: Topic[];
  config: Config;
  now(): Date;
}

export interface CommandSpec {
  name: string;
  description: string;
  /** Options of a command without subcommands. */
  options: CommandOption[];
  subcommands: SubcommandSpec[];
  run(ctx: CommandContext, invocation: Invocation): Promise<Reply>;
}
