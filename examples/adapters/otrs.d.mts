import type { AdapterResult, AdapterTicket, Reported } from "./types.js";

/** What OTRS reports for one ticket: its FirstResponse and SolutionTime texts and the durations from Created. */
export interface OtrsReported extends Reported {
  readonly firstReplyAt?: string | null;
  readonly resolutionAt?: string | null;
}

/** Options of {@link fromOtrsTicket}. */
export interface FromOtrsTicketOptions {
  /** The OTRS server's zone (OTRS writes local time without an offset). Default "Europe/Berlin". */
  readonly timezone?: string;
  /** Extra state name → OTRS state type pairs ("closed", "open", "pending auto", …) for non-default states. */
  readonly stateTypes?: Readonly<Record<string, string>>;
}

/** Turns one OTRS ticket (TicketGet with Extended, articles and history) into a slakit ticket. */
export function fromOtrsTicket(
  payload: unknown,
  options?: FromOtrsTicketOptions,
): AdapterResult<OtrsReported> & { readonly ticket: AdapterTicket; readonly timezone: string };
