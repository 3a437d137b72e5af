import { Option } from 'commander';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { recordPayment } from '../../../app/record-payment.js';
import { formatMoney } from '../../../domain/money/index.js';
import { todayIn } from '../../../domain/time/index.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

interface AddOptions extends StoreOptions {
  readonly contract: string;
  readonly amount: string;
  readonly received?: string;
  readonly reference?: string;
  readonly method?: string;
}

registerCommand((program, io, setExit) => {
  const payment = program.command('payment').description('payments received for a contract\'s invoices (they settle the oldest open invoice first)');

  withStoreOptions(
    payment
      .command('add')
      .description('record a payment received')
      .requiredOption('--contract <id>', 'stored contract id')
      .requiredOption('--amount <amount>', 'amount received in the contract currency, digits with a decimal point: 1234.50 (no thousands separators, no sign)')
      .option('--received <date>', 'date received, YYYY-MM-DD (default: today in the contract zone)')
      .option('--reference <text>', "the payer's reference, usually the invoice number")
      .option('--method <method>', 'how it was paid: ach, wire, ...'),
  ).action(async (options: AddOptions) => {
    await withCliStore(options, io, async (store) => {
      const now = Math.floor(Date.now() / 1000);
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const recorded = await recordPayment(store, {
        contractId: options.contract,
        amount: options.amount,
        receivedOn: options.received ?? todayIn(now, zone),
        ...(options.reference !== undefined ? { reference: options.reference } : {}),
        ...(options.method !== undefined ? { method: options.method } : {}),
        now,
        actor: 'cli',
      });
      io.stdout.write(`recorded payment ${recorded.id}: ${formatMoney(recorded.amount)} received ${recorded.receivedOn}${recorded.reference !== undefined ? `, reference ${recorded.reference}` : ''}${recorded.method !== undefined ? ` by ${recorded.method}` : ''}\n`);
      io.stdout.write(`  see what it paid: supportpact statement --contract ${options.contract} --as-of ${recorded.receivedOn}\n`);
    });
    setExit(0);
  });

  withStoreOptions(
    payment
      .command('list')
      .description('list the payments recorded for a contract')
      .requiredOption('--contract <id>', 'stored contract id')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      await loadStoredContract(store, options.contract);
      const payments = await store.settlement.listPayments(options.contract);
      if (options.format === 'json') {
        const rows = payments.map((p) => ({ id: p.id, receivedOn: p.receivedOn, amount: formatMoney(p.amount, 'plain'), currency: p.amount.currency, reference: p.reference ?? null, method: p.method ?? null }));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      io.stdout.write(`${payments.length} payments recorded for ${options.contract}\n`);
      for (const p of payments) io.stdout.write(`  ${p.id}  ${p.receivedOn}  ${formatMoney(p.amount).padStart(16)}  ${p.reference ?? ''}${p.method ? ` (${p.method})` : ''}\n`);
    });
    setExit(0);
  });
});
