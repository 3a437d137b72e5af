import type { InsuranceCertificateStore, StoredInsuranceCertificate } from '../../app/ports/index.js';
import type { StoreContext } from './store-context.js';

export class InsuranceCertificateRepository implements InsuranceCertificateStore {
  constructor(private readonly ctx: StoreContext) {}

  async addInsuranceCertificate(contractId: string, c: StoredInsuranceCertificate): Promise<boolean> {
    const result = await this.ctx
      .db()
      .insertInto('insurance_certificates')
      .values({ contract_id: contractId, certificate_id: c.id, type: c.type, amount: c.amount, currency: c.currency, expires_on: c.expiresOn, insurer: c.insurer ?? null, recorded_at: c.recordedAt })
      .onConflict((oc) => oc.columns(['contract_id', 'certificate_id']).doNothing())
      .returning('certificate_id')
      .executeTakeFirst();
    return result !== undefined;
  }

  async listInsuranceCertificates(contractId: string): Promise<StoredInsuranceCertificate[]> {
    const rows = await this.ctx.db().selectFrom('insurance_certificates').selectAll().where('contract_id', '=', contractId).orderBy('expires_on').orderBy('certificate_id').execute();
    return rows.map((row) => ({
      id: row.certificate_id,
      type: row.type,
      amount: row.amount,
      currency: row.currency,
      expiresOn: row.expires_on,
      ...(row.insurer === null ? {} : { insurer: row.insurer }),
      recordedAt: row.recorded_at,
    }));
  }
}
