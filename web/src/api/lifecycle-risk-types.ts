/** Key dates, termination rights and the risk registers as the API answers them. */
import type { MoneyJson } from './overview-types.js';

export interface KeyDate {
  readonly on: string;
  readonly kind: string;
  readonly label: string;
  readonly reason: string;
  readonly clause: string;
  readonly note?: string;
}

export interface InstantDeadline {
  readonly at: string;
  readonly on: string;
  readonly kind: 'vendor-to-client' | 'individuals' | 'attorney-general';
  readonly key: string;
  readonly label: string;
  readonly reason: string;
  readonly clause: string;
  readonly status: 'pending' | 'met' | 'late' | 'overdue' | 'not-required';
}

export interface KeyDatesJson {
  readonly contractId: string;
  readonly contractVersion: number;
  readonly from: string;
  readonly to: string;
  readonly zone: string;
  readonly dates: readonly KeyDate[];
  readonly deadlines: readonly InstantDeadline[];
  readonly notes: readonly string[];
}

export interface Notice {
  readonly text: string;
  readonly amount: number;
  readonly unit: string;
}

export interface ForCauseGround {
  readonly ground: string;
  readonly clause: string;
  readonly status: 'open' | 'not-open' | 'not-evaluated' | string;
  readonly openSince?: string;
  readonly reason: string;
  readonly evidence: readonly Record<string, unknown>[];
  readonly by: string;
  readonly mayTerminate: readonly string[];
  readonly notice: Notice;
  readonly cure?: Notice;
  readonly earliestEffectiveOn?: string;
  readonly lastServiceOn?: string;
  readonly effectiveReading?: string;
}

export interface ForConvenienceRight {
  readonly clause: string;
  readonly by: string;
  readonly mayTerminate: readonly string[];
  readonly notice: Notice;
  readonly noticeGivenOn?: string;
  readonly effectiveOn?: string;
  readonly lastServiceOn?: string;
  readonly fee?: { readonly basis?: string; readonly amount?: MoneyJson };
}

export interface RightsJson {
  readonly contractId: string;
  readonly contractVersion: number;
  readonly zone: string;
  readonly rights: {
    readonly asOf: string;
    readonly period?: { readonly index: number; readonly kind: string; readonly startOn: string; readonly endOn: string; readonly renewsAfter: boolean; readonly optOutDeadlineOn?: string };
    readonly forCause: readonly ForCauseGround[];
    readonly forConvenience: readonly ForConvenienceRight[];
  };
}

export interface BreachDeadline {
  readonly kind: string;
  readonly required: boolean;
  readonly dueAt?: string;
  readonly dueOn?: string;
  readonly doneAt?: string;
  readonly status: string;
  readonly rule: string;
  readonly basis: string;
  readonly clause: string;
  readonly note?: string;
}

export interface BreachesJson {
  readonly contractId: string;
  readonly zone: string;
  readonly asOf: string;
  readonly overdue: number;
  readonly incidents: readonly {
    readonly incident: {
      readonly id: string;
      readonly discoveredAt: string;
      readonly clientDataInvolved: boolean;
      readonly recordsAffected?: number;
      readonly californiaResidentsAffected?: number;
      readonly dataCategories?: readonly string[];
      readonly vendorNotifiedClientAt?: string;
    };
    readonly result: { readonly id: string; readonly discoveredOn: string; readonly deadlines: readonly BreachDeadline[]; readonly overdue: boolean };
  }[];
}

export interface InsuranceJson {
  readonly contractId: string;
  readonly asOf: string;
  readonly currency: string;
  readonly requirements: readonly { readonly type: string; readonly minimum: string; readonly certificateExpires?: string }[];
  readonly certificates: readonly { readonly id: string; readonly type: string; readonly amount: string; readonly currency: string; readonly expiresOn: string; readonly insurer?: string }[];
  readonly findings: readonly { readonly kind: string; readonly severity: 'high' | 'medium' | 'low' | string; readonly type: string; readonly message: string; readonly clause: string; readonly expiresOn?: string }[];
}

export interface AccessFinding {
  readonly kind: string;
  readonly event: number;
  readonly at: string;
  readonly month: string;
  readonly account: string;
  readonly dataCategory: string;
  readonly action: string;
  readonly ticket?: string;
  readonly safeguard?: string;
  readonly message: string;
  readonly clause: string;
}

export interface AccessFindingsJson {
  readonly contractId: string;
  readonly zone: string;
  readonly events: number;
  readonly findingsTotal: number;
  readonly months: readonly { readonly month: string; readonly events: number; readonly accounts: number; readonly eventsWithFindings: number; readonly findings: Readonly<Record<string, number>> }[];
  readonly findings: readonly AccessFinding[];
}
