import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { contractTemplate, contractTemplateNames, type ContractTemplateName } from '../../../domain/contract/templates/index.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import type { CliIo } from '../cli-io.js';
import { registerCommand } from '../command-registry.js';

export interface InitOptions {
  readonly template: ContractTemplateName;
  readonly out?: string;
  readonly force?: boolean;
}

/** Writes `text` to `path`, refusing to replace an existing file unless `force` (the check and the write are one step). */
function writeNewFile(path: string, shown: string, text: string, force: boolean): void {
  try {
    writeFileSync(path, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new SupportPactError('USAGE', `${shown} already exists; supportpact init does not overwrite it`, {
        problems: [{ message: 'file exists', file: shown, hint: 'choose another --out path, or add --force to replace it' }],
      });
    }
    if (code === 'ENOENT') throw new SupportPactError('INPUT_NOT_FOUND', `the folder for ${shown} does not exist`, { problems: [{ message: 'no such folder', file: shown }] });
    throw new SupportPactError('INPUT_UNREADABLE', `${shown} cannot be written: ${(error as Error).message}`, { problems: [{ message: (error as Error).message, file: shown }] });
  }
}

/**
 * `supportpact init`: prints a complete, commented starting contract, or writes it to `--out`
 * (never over an existing file unless `--force`). Returns the exit code, 0.
 */
export function runInit(options: InitOptions, io: CliIo): number {
  const text = contractTemplate(options.template);
  if (!options.out) {
    io.stdout.write(text);
    return 0;
  }
  writeNewFile(resolve(io.cwd, options.out), options.out, text, options.force === true);
  io.stderr.write(`wrote ${options.out} (${options.template} template); replace the placeholders, then run: supportpact check ${options.out}\n`);
  return 0;
}

registerCommand((program, io, setExit) => {
  program
    .command('init')
    .description('write a complete, commented starting contract to edit (it passes check with no errors)')
    .addOption(new Option('--template <name>', 'pricing model of the starting contract').choices(contractTemplateNames).default('tiered'))
    .option('--out <path>', 'write to this file instead of standard output')
    .option('--force', 'replace the --out file if it exists', false)
    .action((options: InitOptions) => {
      setExit(runInit(options, io));
    });
});
