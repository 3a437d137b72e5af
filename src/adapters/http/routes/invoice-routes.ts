import { z } from 'zod';
import { issueCreditNote } from '../../../app/issue-credit-note.js';
import { issueInvoiceForMonth } from '../../../app/issue-invoice-for-month.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { prepareInvoice } from '../../../app/prepare-invoice.js';
import { recordPayment } from '../../../app/record-payment.js';
import { statementForContract } from '../../../app/statement-for-contract.js';
import { formatMoney } from '../../../domain/money/index.js';
import { invoiceToJson, statementToJson, type Invoice } from '../../../domain/settlement/index.js';
import { todayIn } from '../../../domain/time/index.js';
import { renderInvoiceCsv } from '../../render/invoice-csv.js';
import { renderInvoiceHtml } from '../../render/invoice-html.js';
import { renderStatementHtml } from '../../render/invoice-statement-html.js';
import { printPdf } from '../../render/print-pdf.js';
import type { RouteModule } from '../api-context.js';
import { asOfSchema, commonErrorResponses, contractIdSchema, errorBodySchema, jsonObjectSchema, localDateSchema, monthSchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';

const amountSchema = z.string().max(40).describe('a decimal amount in the contract currency, like "1234.50"');
const formatSchema = z.enum(['json', 'html', 'csv', 'pdf']).default('json');

function summaryOf(invoice: Invoice): Record<string, unknown> {
  return { id: invoice.id, serviceMonth: invoice.serviceMonth, state: invoice.state, issueOn: invoice.issueOn, dueOn: invoice.dueOn, total: formatMoney(invoice.totals.total, 'plain'), currency: invoice.currency };
}

/** Invoices (draft or issued, as JSON, HTML, CSV or PDF), issuing, payments, credit notes, statements. */
export const invoiceRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/invoices', {
    schema: {
      summary: 'The issued invoices of a contract, oldest first',
      tags: ['invoices'],
      params: z.object({ id: contractIdSchema }),
      response: { 200: z.object({ invoices: z.array(jsonObjectSchema) }), ...commonErrorResponses },
    },
    handler: async (request) => ({ invoices: (await store.settlement.listInvoices(request.params.id)).map((s) => summaryOf(s.invoice)) }),
  });

  app.get('/contracts/:id/invoices/:month', {
    schema: {
      summary: "A service month's invoice: the issued one, or a draft computed from the stored tickets",
      description: 'A draft is measured as of the start of its issue date (so it does not depend on when it is asked for) unless asOf is given. `format` picks JSON (Money as decimal strings), HTML, CSV or PDF (printed by Chromium on the server).',
      tags: ['invoices'],
      params: z.object({ id: contractIdSchema, month: monthSchema }),
      querystring: z.object({ format: formatSchema, asOf: asOfSchema.optional(), paper: z.enum(['a4', 'letter']).default('a4') }),
      response: { 200: z.unknown(), ...commonErrorResponses },
    },
    handler: async (request, reply) => {
      const { id, month } = request.params;
      const { format, asOf, paper } = request.query;
      const prepared = await prepareInvoice(store, { contractId: id, month, ...(asOf !== undefined ? { asOf } : {}) });
      const { invoice, contract } = prepared;
      switch (format) {
        case 'json':
          return { issued: prepared.issued !== undefined, invoice: invoiceToJson(invoice) };
        case 'html':
          return reply.type('text/html; charset=utf-8').send(renderInvoiceHtml(invoice, contract));
        case 'csv':
          return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${invoice.id}.csv"`).send(renderInvoiceCsv(invoice));
        case 'pdf': {
          const pdf = await printPdf(renderInvoiceHtml(invoice, contract), { paper: paper === 'letter' ? 'Letter' : 'A4' });
          return reply.type('application/pdf').header('content-disposition', `attachment; filename="${invoice.id}.pdf"`).send(Buffer.from(pdf));
        }
      }
    },
  });

  app.post('/contracts/:id/invoices/:month/issue', {
    schema: {
      summary: "Issue a service month's invoice: number it, store it, log it (a month is invoiced once; corrections are credit notes)",
      tags: ['invoices'],
      params: z.object({ id: contractIdSchema, month: monthSchema }),
      body: z.object({ issueOn: localDateSchema.optional(), numberPrefix: z.string().max(16).optional() }).nullish(),
      response: { 200: jsonObjectSchema, ...commonErrorResponses, 409: errorBodySchema },
    },
    handler: async (request) => {
      const { actor } = principalOf(request);
      const body = request.body ?? {};
      const issued = await issueInvoiceForMonth(store, { contractId: request.params.id, month: request.params.month, ...(body.issueOn ? { issueOn: body.issueOn } : {}), ...(body.numberPrefix ? { numberPrefix: body.numberPrefix } : {}), now: nowSeconds(), actor });
      return { invoice: invoiceToJson(issued.stored.invoice) as Record<string, unknown>, documentSha256: issued.stored.documentSha256 };
    },
  });

  app.post('/contracts/:id/payments', {
    schema: {
      summary: 'Record a payment received (it settles the oldest invoice first)',
      tags: ['invoices'],
      params: z.object({ id: contractIdSchema }),
      body: z.object({ amount: amountSchema, receivedOn: localDateSchema, reference: z.string().max(200).optional(), method: z.string().max(40).optional() }),
      response: { 200: jsonObjectSchema, ...commonErrorResponses, 409: errorBodySchema, 422: errorBodySchema },
    },
    handler: async (request) => {
      const { actor } = principalOf(request);
      const { amount, receivedOn, reference, method } = request.body;
      const payment = await recordPayment(store, { contractId: request.params.id, amount, receivedOn, ...(reference ? { reference } : {}), ...(method ? { method } : {}), now: nowSeconds(), actor });
      return { id: payment.id, receivedOn: payment.receivedOn, amount: formatMoney(payment.amount, 'plain'), currency: payment.amount.currency, ...(payment.reference ? { reference: payment.reference } : {}) };
    },
  });

  app.post('/contracts/:id/credit-notes', {
    schema: {
      summary: 'Issue a credit note correcting an issued invoice',
      tags: ['invoices'],
      params: z.object({ id: contractIdSchema }),
      body: z.object({ invoiceId: z.string().min(1).max(60), amount: amountSchema, reason: z.string().min(1).max(500), lineId: z.string().max(60).optional(), issueOn: localDateSchema.optional() }),
      response: { 200: jsonObjectSchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request) => {
      const { actor } = principalOf(request);
      const { invoiceId, amount, reason, lineId } = request.body;
      const zone = (await loadStoredContract(store, request.params.id)).loaded.contract.timezone;
      const issueOn = request.body.issueOn ?? todayIn(nowSeconds(), zone);
      const note = await issueCreditNote(store, { contractId: request.params.id, invoiceId, amount, reason, ...(lineId ? { lineId } : {}), issueOn, now: nowSeconds(), actor });
      return { creditNote: invoiceToJson(note.creditNote) as Record<string, unknown> };
    },
  });

  app.get('/contracts/:id/statement', {
    schema: {
      summary: 'What is owed on a day: each invoice, payments applied oldest first, and late interest to that day',
      tags: ['invoices'],
      params: z.object({ id: contractIdSchema }),
      querystring: z.object({ asOf: localDateSchema.optional(), format: z.enum(['json', 'html']).default('json') }),
      response: { 200: z.unknown(), ...commonErrorResponses },
    },
    handler: async (request, reply) => {
      const zone = (await loadStoredContract(store, request.params.id)).loaded.contract.timezone;
      const asOn = request.query.asOf ?? todayIn(nowSeconds(), zone);
      const { statement } = await statementForContract(store, request.params.id, asOn);
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(renderStatementHtml(statement));
      return statementToJson(statement);
    },
  });
};
