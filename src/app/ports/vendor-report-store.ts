import type { VendorReportDelivery } from '../../domain/tickets/index.js';

export interface VendorReportStore {
  /** Returns how many deliveries were new; an id already stored for the contract is skipped. */
  writeVendorReports(contractId: string, reports: readonly VendorReportDelivery[]): Promise<number>;
  /** Ordered by month, then delivery instant, then id. */
  listVendorReports(contractId: string, options?: { month?: string }): Promise<VendorReportDelivery[]>;
}
