// Laws of evaluateTicket (the replay law of explainTarget is in explainTarget.prop.test.ts).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addBusinessTime, businessTimeBetween } from "../../src/calendar/index.js";
import type { TargetStatus, Ticket, TicketEvent, TicketStatus } from "../../src/escalation/index.js";
import { evaluateTicket } from "../../src/escalation/index.js";
import { type Drawn, EVENT_TYPES, nowArb, propertyContract, ticketArb } from "./arbitraries.js";

const contract = propertyContract();
const RUNS = { numRuns: 1000, seed: 20250101 };
const evaluate = (t: Ticket, now: number): TicketStatus => evaluateTicket(contract, t, now);

/** What may change only through events: everything but the continuously growing measurements. */
function discrete(s: TicketStatus): unknown {
  const { nextCheckAt: _, ...rest } = s;
  return {
    ...rest,
    targets: s.targets.map(({ elapsedMs: _e, remainingMs: _r, pausedMs: _p, ...t }) => t),
  };
}

const withNow = (arb = ticketArb()) => arb.chain((d) => fc.tuple(fc.constant(d), nowArb(d)));
const key = (t: TargetStatus) => `${t.id}/${t.cycle}`;

describe("evaluateTicket laws", () => {
  test.prop(
    [
      withNow(),
      fc.array(fc.tuple(fc.constantFrom(...EVENT_TYPES), fc.integer({ min: 1, max: 5 * 86_400_000 })), {
        maxLength: 6,
      }),
    ],
    RUNS,
  )("causality: events after now change nothing (I20)", ([d, now], noise) => {
    const past = d.ticket.events.filter((e) => (e.at as number) <= now);
    const future: TicketEvent[] = noise.map(([type, dt], i) => ({
      type,
      at: now + dt,
      seq: 1000 + i,
      level: "level1",
      status: "waiting",
    }));
    const altered = d.ticket.events.map((e) => ((e.at as number) > now ? { ...e, type: "withdrawn" } : e));
    // Warnings name events by input index: compare them by the event they name.
    const run = (events: TicketEvent[]) => {
      const s = evaluate({ ...d.ticket, events }, now);
      return {
        ...s,
        warnings: s.warnings.map((w) => [w.code, w.index === undefined ? null : events[w.index]]),
      };
    };
    const expected = run(past);
    expect(run([...d.ticket.events, ...future])).toEqual(expected);
    expect(run(altered)).toEqual(expected);
  });

  test.prop([ticketArb().chain((d) => fc.tuple(fc.constant(d), nowArb(d), nowArb(d)))], RUNS)(
    "a breach never disappears as now grows, and elapsed time never decreases (I21)",
    ([d, a, b]) => {
      const [t1, t2] = a <= b ? [a, b] : [b, a];
      const s1 = evaluate(d.ticket, t1);
      const later = new Map(evaluate(d.ticket, t2).targets.map((t) => [key(t), t]));
      for (const t of s1.targets) {
        const u = later.get(key(t));
        if (t.state === "breached") {
          expect(u?.state).toBe("breached");
          expect(u?.breachedAt).toEqual(t.breachedAt);
        }
        if (u !== undefined && t.state !== "pending" && u.level === t.level)
          expect(u.elapsedMs).toBeGreaterThanOrEqual(t.elapsedMs);
      }
    },
  );

  test.prop([ticketArb().chain((d) => fc.tuple(fc.constant(d), nowArb(d), nowArb(d)))], RUNS)(
    "a step once due stays due, at the same instant, at every later now (W6: fired steps cannot be un-fired)",
    ([d, a, b]) => {
      const [t1, t2] = a <= b ? [a, b] : [b, a];
      const later = new Map(evaluate(d.ticket, t2).escalations.map((e) => [e.key, e]));
      for (const e of evaluate(d.ticket, t1).escalations) {
        if (e.state !== "due") continue;
        expect([e.key, later.get(e.key)?.state, later.get(e.key)?.at]).toEqual([e.key, "due", e.at]);
      }
    },
  );

  const noPauseTypes = EVENT_TYPES.filter(
    (t) => t !== "waitingCustomer" && t !== "customerReplied" && t !== "levelChanged",
  );
  test.prop(
    [
      ticketArb(10, noPauseTypes).chain((d) =>
        fc.tuple(
          fc.constant(d),
          fc.integer({ min: 0, max: 6 * 24 * 60 }),
          fc.integer({ min: 1, max: 4 * 24 * 60 }),
          fc.integer({ min: 0, max: 3 * 24 * 60 }),
        ),
      ),
    ],
    RUNS,
  )(
    "adding a pause never makes a deadline earlier; a completed pause adds exactly its working time (I18)",
    ([d, pMin, lenMin, afterMin]) => {
      const p = d.openedAt + pMin * 60_000;
      const r = p + lenMin * 60_000;
      const now = r + afterMin * 60_000;
      const paused: Ticket = {
        ...d.ticket,
        events: [
          ...d.ticket.events,
          { type: "waitingCustomer", at: p, seq: 900 },
          { type: "customerReplied", at: r, seq: 901 },
        ],
      };
      const before = new Map(evaluate(d.ticket, now).targets.map((t) => [key(t), t]));
      const ny = contract.calendars.get("ny");
      if (ny === undefined) throw new Error("no ny calendar");
      for (const t of evaluate(paused, now).targets) {
        if (t.id !== "resolve" && t.id !== "fix") continue;
        const b = before.get(key(t));
        if (b?.dueAt == null || t.dueAt === null) continue;
        expect(t.dueAt.getTime()).toBeGreaterThanOrEqual(b.dueAt.getTime());
        // I18 exactly: a pause [p, r) inside the running cycle of a working-time target, starting before the old
        // deadline, moves it to start + (target + working time of the pause).
        const start = t.startedAt?.getTime() ?? Number.NaN;
        const end = t.stoppedAt?.getTime() ?? Number.POSITIVE_INFINITY;
        if (
          t.id === "resolve" &&
          start <= p &&
          p < b.dueAt.getTime() &&
          r <= end &&
          t.targetMs !== undefined
        ) {
          expect(t.dueAt).toEqual(addBusinessTime(ny, start, t.targetMs + businessTimeBetween(ny, p, r)));
        }
      }
    },
  );

  test.prop([withNow(), fc.double({ min: 0, max: 1, noNaN: true })], RUNS)(
    "nothing changes strictly between now and nextCheckAt, and something does at it",
    ([d, now], f) => {
      const ticket = { ...d.ticket, events: d.ticket.events.filter((e) => (e.at as number) <= now) };
      const s = evaluate(ticket, now);
      const next = s.nextCheckAt?.getTime() ?? null;
      if (next === null) {
        expect(discrete(evaluate(ticket, now + 1 + Math.floor(f * 30 * 86_400_000)))).toEqual(discrete(s));
        return;
      }
      expect(next).toBeGreaterThan(now);
      if (next - now > 1) {
        const between = now + 1 + Math.floor(f * (next - now - 2));
        expect(discrete(evaluate(ticket, between))).toEqual(discrete(s));
        expect(discrete(evaluate(ticket, next - 1))).toEqual(discrete(s));
      }
      expect(discrete(evaluate(ticket, next))).not.toEqual(discrete(s));
    },
  );

  test.prop(
    [
      withNow().chain(([d, now]) =>
        fc.tuple(
          fc.constant(d),
          fc.constant(now),
          fc.shuffledSubarray([...d.ticket.events], { minLength: d.ticket.events.length }),
        ),
      ),
    ],
    RUNS,
  )(
    "independent of the input order of events with distinct (at, seq), and of re-delivery (I23)",
    ([d, now, shuffled]) => {
      const codes = (s: TicketStatus) => ({ ...s, warnings: s.warnings.map((w) => w.code).sort() });
      const expected = evaluate(d.ticket, now);
      expect(codes(evaluate({ ...d.ticket, events: shuffled }, now))).toEqual(codes(expected));
      const again = d.ticket.events[shuffled.length % d.ticket.events.length] as TicketEvent;
      expect(evaluate({ ...d.ticket, events: [...d.ticket.events, { ...again }] }, now)).toEqual(expected);
    },
  );

  test.prop(
    [
      withNow().chain(([d, now]) =>
        fc.tuple(
          fc.constant(d),
          fc.constant(now),
          fc.constantFrom(
            "Asia/Shanghai",
            "America/New_York",
            "Pacific/Chatham",
            "Pacific/Kiritimati",
            "America/St_Johns",
          ),
        ),
      ),
    ],
    RUNS,
  )("identical results under any host TZ (I29)", ([d, now, zone]: [Drawn, number, string]) => {
    const saved = process.env.TZ;
    const expected = JSON.stringify(evaluate(d.ticket, now));
    try {
      process.env.TZ = zone;
      expect(JSON.stringify(evaluate(d.ticket, now))).toBe(expected);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
