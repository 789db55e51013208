import type { AdapterResult, AdapterTicket, Reported } from "./types.js";

/** What Zendesk reports for one ticket (whole minutes, converted to ms). */
export interface ZendeskReported extends Reported {
  readonly firstResolutionMs?: number | null;
  readonly firstResolutionBusinessMs?: number | null;
  readonly requesterWaitMs?: number | null;
  readonly requesterWaitBusinessMs?: number | null;
  /** The solve instant Zendesk's metrics refer to (ticket metric `solved_at`, or the requester-wait update). */
  readonly solvedAt?: string | null;
}

/** Turns one Zendesk ticket's API records (audits or comments, metrics, users) into a slakit ticket. */
export function fromZendeskAudits(
  payload: unknown,
): AdapterResult<ZendeskReported> & { readonly ticket: AdapterTicket };
