import type { VendorReportStore } from '../../app/ports/index.js';
import type { VendorReportDelivery } from '../../domain/tickets/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { insertNewRows, type BulkTable } from './bulk-insert.js';
import { assertContractExists } from './contract-exists.js';
import type { StoreContext } from './store-context.js';

const vendorReportsTable: BulkTable = {
  table: 'vendor_reports',
  columns: ['contract_id', 'report_id', 'month', 'delivered_at'],
};

export class VendorReportRepository implements VendorReportStore {
  constructor(private readonly ctx: StoreContext) {}

  writeVendorReports(contractId: string, reports: readonly VendorReportDelivery[]): Promise<number> {
    return this.ctx.withTransaction(async (tx) => {
      await assertContractExists(tx.db(), contractId);
      return writeVendorReportRows(tx, contractId, reports);
    });
  }

  async listVendorReports(contractId: string, options: { month?: string } = {}): Promise<VendorReportDelivery[]> {
    let query = this.ctx.db().selectFrom('vendor_reports').selectAll().where('contract_id', '=', contractId);
    if (options.month !== undefined) query = query.where('month', '=', options.month);
    const rows = await query.orderBy('month').orderBy('delivered_at').orderBy('report_id').execute();
    return rows.map((row) => ({ id: row.report_id, month: row.month, deliveredAt: row.delivered_at }));
  }
}

export function writeVendorReportRows(ctx: StoreContext, contractId: string, reports: readonly VendorReportDelivery[]): Promise<number> {
  for (const report of reports) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(report.month)) {
      throw new SupportPactError('DATE_INVALID', `Vendor report ${report.id}: month "${report.month}" is not a month; write it as YYYY-MM.`, {
        problems: [{ message: `not a YYYY-MM month: "${report.month}"`, path: ['reports', report.id, 'month'], expected: 'YYYY-MM' }],
      });
    }
  }
  return insertNewRows(
    ctx,
    vendorReportsTable,
    reports.map((r) => [contractId, r.id, r.month, r.deliveredAt]),
  );
}
