/**
 * Demo data: a seeded, deterministic generator of months of realistic tickets, outages,
 * vendor reports and risk-register inputs for a contract (tuned for `northstar-tiered`),
 * in the canonical model of `src/domain/tickets`, plus canonical JSON Lines of them so the
 * demo can also go through the normal import path.
 *
 *   const data = generateDemoData({ seed: 42, contract });
 *   computeScorecard({ contract, month: '2027-03', asOf: data.demoNow, tickets: data.tickets.map((t) => t.events), outages: data.outages, vendorReports: data.vendorReports });
 *   readImport('jsonl', [demoEventsToJsonl(data)], { fileName: 'demo.jsonl' });
 */
export { generateDemoData, defaultDemoMonths } from './generate-demo-data.js';
export { demoEventsToJsonl, demoOutagesToJsonl, demoVendorReportsToJsonl } from './demo-events-to-jsonl.js';
export { monthScenes, type MonthScene, type OutageScene } from './demo-scenes.js';
export { breachCaliforniaResidents, breachNoticeDelaySeconds } from './plan-risk-inputs.js';
export type { AccessEvent, BreachIncident, DemoData, DemoOptions, DemoRiskInputs, DemoTicket, InsuranceCertificate } from './demo-types.js';
