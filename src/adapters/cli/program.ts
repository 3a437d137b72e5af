import { Command, CommanderError, Option } from 'commander';
import { SupportPactError, isSupportPactError } from '../../domain/errors/index.js';
import type { CliIo } from './cli-io.js';
import { exitCodeFor } from './exit-codes.js';
import { formatError } from './format-error.js';
import { registrations, registerCommand } from './command-registry.js';
import { runCheck } from './commands/check-command.js';
// The registry is evaluated first (import order), so command modules can register on import.
import './commands/index.js';

export { registerCommand };

function formatOption<T extends string>(choices: readonly T[], fallback: T): Option {
  return new Option('--format <format>', `output format`).choices(choices).default(fallback);
}

export { formatOption };

/** Builds the `supportpact` command-line program over the given streams. */
export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('supportpact')
    .description('Hold an outsourced IT helpdesk to its contract: check the agreement, measure the vendor, settle the money, keep the deadlines.')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) })
    .exitOverride();

  program
    .command('check')
    .description('check contract files for missing or risky terms (exit 0: no errors, 1: errors, 2: cannot load)')
    .argument('<file...>', 'contract files (.contract.yaml)')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .option('--info', 'also show info findings', false)
    .action((files: string[], options: { format: 'text' | 'json'; info: boolean }) => {
      setExit(runCheck(files, options, io));
    });

  for (const register of registrations) register(program, io, setExit);
  return program;
}

/**
 * Runs the CLI with `argv` (without node and script), returning the exit code:
 * `await runCli(['check', 'a.contract.yaml'], io)`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isSupportPactError(error)) {
      io.stderr.write(formatError(error));
      return exitCodeFor[error.code];
    }
    io.stderr.write(formatError(error, io.env.SUPPORTPACT_DEBUG === '1'));
    return exitCodeFor.INTERNAL;
  }
}

/** Raised by commands for bad option combinations. */
export function usageError(message: string): SupportPactError {
  return new SupportPactError('USAGE', message);
}
