import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { checkContract } from '../../../app/check-contract.js';
import { describeContract } from '../../../domain/contract/describe/index.js';
import { maxContractBytes, parseContract } from '../../../domain/contract/parse-contract.js';
import { readTextFile } from '../../files/read-text-file.js';
import { renderContractHtml } from '../../render/contract-html.js';
import { renderContractMarkdown } from '../../render/contract-markdown.js';
import { registerCommand } from '../command-registry.js';

registerCommand((program, io, setExit) => {
  program
    .command('render')
    .description('render a contract as a readable schedule for managers and lawyers')
    .argument('<file>', 'contract file')
    .addOption(new Option('--format <format>', 'output format').choices(['html', 'md']).default('html'))
    .option('--out <path>', 'write to this file instead of standard output')
    .action((file: string, options: { format: 'html' | 'md'; out?: string }) => {
      const text = readTextFile(resolve(io.cwd, file), maxContractBytes);
      const loaded = parseContract(text, file);
      const { findings } = checkContract(text, file);
      const schedule = describeContract(loaded.contract);
      const output = options.format === 'html' ? renderContractHtml(schedule, findings) : renderContractMarkdown(schedule, findings);
      if (options.out) {
        writeFileSync(resolve(io.cwd, options.out), output);
        io.stderr.write(`wrote ${options.out}\n`);
      } else io.stdout.write(output);
      setExit(0);
    });
});
