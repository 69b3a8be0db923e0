import { briefCommand } from './brief.ts';
import { briefingsCommand } from './briefings.ts';
import type { CommandSpec } from './spec.ts';

/** Every slash command, declared once and registered on every platform. */
export const COMMANDS: readonly CommandSpec[] = [briefCommand, briefingsCommand];
