/**
 * The ticket shape the adapters produce (the shape slakit's `evaluateTicket` is being extended to accept), and
 * what each adapter reports next to it. Types only; the adapters themselves are plain ESM JavaScript.
 */

/**
 * An instant: an ISO 8601 string with `Z` or an offset, epoch milliseconds, or — for hosts that write local
 * time without an offset (OTRS: `"2014-11-21 00:17:41"`) — the host's text as is, read in the zone the
 * adapter returns next to the ticket.
 */
export type HostInstant = string | number;

/** Who wrote a message. */
export type ReplyAuthor = "agent" | "customer" | "system";

/** One event of a ticket, in the host's words (status and priority names as the host writes them). */
export type AdapterEvent =
  | {
      readonly type: "opened";
      readonly at: HostInstant;
      readonly status?: string;
      readonly level?: string;
      readonly channel?: string;
    }
  | { readonly type: "reply"; readonly at: HostInstant; readonly by: ReplyAuthor; readonly public: boolean }
  | { readonly type: "statusChanged"; readonly at: HostInstant; readonly status: string }
  | { readonly type: "levelChanged"; readonly at: HostInstant; readonly level: string }
  | { readonly type: "resolved" | "reopened" | "closed"; readonly at: HostInstant };

/** A ticket: the host's id as it is, and its events in chronological order (ties in the host's order). */
export interface AdapterTicket {
  readonly id: string | number;
  readonly events: readonly AdapterEvent[];
}

/**
 * What the helpdesk itself says, converted to milliseconds. A key that is absent means the payload does not say;
 * `null` means the host says "none (yet)". `precisionMs` is the host's unit for calendar durations (a reported
 * value `v` means the true duration lies in `[v, v + precisionMs)`); `businessPrecisionMs` the same for business
 * durations.
 */
export interface Reported {
  readonly precisionMs: number;
  readonly businessPrecisionMs: number;
  readonly firstReplyMs?: number | null;
  readonly firstReplyBusinessMs?: number | null;
  readonly resolutionMs?: number | null;
  readonly resolutionBusinessMs?: number | null;
  readonly [key: string]: unknown;
}

/** The result of every adapter. */
export interface AdapterResult<R extends Reported = Reported> {
  /** `null` when the payload holds no history at all (only the host's metrics). */
  readonly ticket: AdapterTicket | null;
  /** The zone in which host texts without an offset are to be read (OTRS); absent when every `at` is absolute. */
  readonly timezone?: string;
  readonly reported: R;
  /** Things in the payload that look wrong or could not be used, in plain words. */
  readonly notes: readonly string[];
}
