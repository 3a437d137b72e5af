import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** Adds one command to a program; `setExit` records the command's exit code. */
export type Register = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/** Every registered command, in registration order. */
export const registrations: Register[] = [];

/** Adds a command to every program built by `createProgram` (called by each command module when imported). */
export function registerCommand(register: Register): void {
  registrations.push(register);
}
