// Which escalation steps a ticket owes at `now` and has not fired yet: the one place the scheduler decides it.
//
// slakit will soon answer this itself: `evaluateTicket(contract, ticket, now, { since })` will give the steps that
// became due in (since, now]; this function then shrinks to that one call. Until then it evaluates twice.
import { evaluateTicket } from "slakit/escalation";

/**
 * Evaluates `ticket` at `now` and returns its status with the steps owed: due at `now` but not yet due at
 * `since`, the instant of the ticket's previous committed evaluation (every step due then was fired then).
 * With `since` null (never evaluated), or before the opening, every step due at `now` is owed.
 *
 * Keys are compared as opaque strings: never parse them.
 *
 * @param contract - A parsed contract (`parseContract`).
 * @param ticket - The ticket with all the events the desk has recorded.
 * @param since - Epoch ms of the previous committed evaluation, or null.
 * @param now - Epoch ms of this evaluation (`since <= now`).
 * @returns `{ status, owed }`: slakit's TicketStatus at `now` (its `nextCheckAt` schedules the next job) and
 *   the EscalationSteps to fire now.
 */
export function stepsOwed(contract, ticket, since, now) {
  const status = evaluateTicket(contract, ticket, now);
  const dueNow = status.escalations.filter((step) => step.state === "due");
  if (dueNow.length === 0 || since === null || since < status.openedAt.getTime()) {
    return { status, owed: dueNow };
  }
  const dueThen = new Set(
    evaluateTicket(contract, ticket, since)
      .escalations.filter((step) => step.state === "due")
      .map((step) => step.key),
  );
  return { status, owed: dueNow.filter((step) => !dueThen.has(step.key)) };
}
