import type { CommandSpec } from '../src/chat/command-spec.ts';
import { briefCommand } from './brief.ts';
import { briefingsCommand } from './briefings.ts';

/** Every slash command, declared once and registered on every platform. */
export const COMMANDS: readonly CommandSpec[] = [briefCommand, briefingsCommand];
