// A deterministic generator of sample tickets for the seed contracts: a realistic month (or any window) of
// event streams, with breaches, pauses, level changes, reopenings, surveys and performed inspections.
//
// Not an example itself (examples/run-all.mjs runs only top-level files): the seed examples import it.
// Everything is derived from a seed with mulberry32, so the same call gives the same tickets on any host, in any
// time zone, on any day. Every duration is taken from the contract (its targets and calendars), so a change of
// a target's duration moves the generated events with it.
//
//   const { tickets, inspections } = generateTickets(contract, { period: { month: "2025-10" }, count: 150 });
import { addBusinessTime, businessTimeBetween, isBusinessTime } from "slakit/calendar";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a few integers and strings: one independent stream per (seed, ticket). */
function hash(...parts) {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (const ch of String(part)) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h = Math.imul(h ^ 0xff, 0x01000193) >>> 0;
  }
  // murmur3's finaliser: spreads FNV's last-character bias over all bits.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Draw helpers over one PRNG. */
export function dice(rnd) {
  return {
    rnd,
    /** true with probability p. */
    chance: (p) => rnd() < p,
    /** A float in [a, b). */
    between: (a, b) => a + (b - a) * rnd(),
    /** An integer in [a, b]. */
    int: (a, b) => a + Math.floor((b - a + 1) * rnd()),
    /** One of the keys of { key: weight }, by weight. */
    weighted: (weights) => {
      const entries = Object.entries(weights);
      let x = rnd() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) {
        x -= w;
        if (x < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    pick: (list) => list[Math.floor(rnd() * list.length)],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Local dates of the contract's zone, without the host's zone: Intl gives the offset at an instant.

const formatters = new Map();
function localParts(zone, ms) {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: parts.weekday,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** Local midnight of a `YYYY-MM-DD` date in `zone`, as epoch ms. */
export function localMidnight(zone, date) {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let t = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(zone, t);
    const seen = Date.UTC(p.y, p.m - 1, p.d, p.hour, p.minute);
    t += wall - seen;
  }
  return t;
}

/** The window of a report period (`{ month }` or `{ dates: { from, to } }`, inclusive dates) as epoch ms. */
export function periodBounds(zone, period) {
  if ("month" in period) {
    const [y, m] = period.month.split("-").map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return { from: localMidnight(zone, `${period.month}-01`), to: localMidnight(zone, next) };
  }
  const last = localMidnight(zone, period.dates.to);
  return {
    from: localMidnight(zone, period.dates.from),
    to: localMidnight(zone, localParts(zone, last + 36 * HOUR).date),
  };
}

/** The local date (`YYYY-MM-DD`) and hour of an instant in `zone`. */
export function localDate(zone, ms) {
  return localParts(zone, ms).date;
}

// ---------------------------------------------------------------------------------------------------------
// Working time on the contract's calendars.

function calendarOf(contract, name) {
  const cal = contract.calendars.get(name);
  if (cal === undefined) throw new Error(`generate: the contract has no calendar "${name}"`);
  return cal;
}

function targetInput(contract, targetId) {
  const target = contract.input.targets.find((t) => t.id === targetId);
  if (target === undefined) throw new Error(`generate: the contract has no target "${targetId}"`);
  return target;
}

/** The duration the contract gives a target at a level (`undefined`: the level is not subject to it). */
export function durationOf(contract, targetId, level) {
  const d = targetInput(contract, targetId).duration;
  return typeof d === "object" ? (d[level] ?? d["*"]) : d;
}

/**
 * Time helpers of one contract: instants are epoch ms; "working" means on the target's calendar.
 */
export function clockOf(contract) {
  return {
    /** `t` plus `ms` of working time on calendar `name`. */
    plus: (name, t, ms) =>
      addBusinessTime(calendarOf(contract, name), Math.round(t), Math.max(0, Math.round(ms))).getTime(),
    /** Working time between two instants on calendar `name`. */
    between: (name, a, b) => businessTimeBetween(calendarOf(contract, name), Math.round(a), Math.round(b)),
    /**
     * The instant at which a fraction `f` of the target's budget at `level`, counted from `t`, is used up:
     * `f < 1` is on time, `f > 1` late. A business-day target's budget is the working time up to its deadline.
     */
    at: (targetId, level, t, f) => {
      t = Math.round(t);
      const target = targetInput(contract, targetId);
      const cal = calendarOf(contract, target.calendar);
      const budget = businessTimeBetween(
        cal,
        t,
        addBusinessTime(cal, t, durationOf(contract, targetId, level)),
      );
      return addBusinessTime(cal, t, Math.round(f * budget)).getTime();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Tickets

/** A ticket under construction: events are collected, then sorted and numbered by `done()`. */
function ticketBuilder(id, level, channel) {
  const events = [];
  return {
    id,
    level,
    add(type, at, fields = {}) {
      // Whole seconds, as a helpdesk stores them.
      const t = Math.round(at / 1000) * 1000;
      events.push({ type, at: t, ...fields });
      return t;
    },
    done(extra = {}) {
      events.sort((a, b) => a.at - b.at);
      return {
        id,
        level,
        ...(channel === undefined ? {} : { channel }),
        ...extra,
        events: events.map((e, seq) => ({ ...e, at: new Date(e.at).toISOString(), seq })),
      };
    },
  };
}

/**
 * Opening instants over `[from, to)`: mostly in the daytime (08:00–20:00 local), some at night; with a
 * `busy` calendar (office hours), mostly inside its working time, fewer on evenings, weekends and holidays.
 */
function openingAt(zone, d, from, to, busy) {
  for (;;) {
    const t = Math.floor(d.between(from, to) / 1000) * 1000;
    const { hour } = localParts(zone, t);
    let weight = hour >= 8 && hour < 20 ? 1 : hour >= 6 && hour < 23 ? 0.35 : 0.08;
    if (busy !== undefined && !isBusinessTime(busy, t)) weight *= 0.15;
    if (d.chance(weight)) return t;
  }
}

// Profiles: how tickets of each seed contract live. Each receives (d, ctx) and returns a ticket; ctx holds
// the contract, its clock helpers, the ticket id, its opening instant and `end` (the window's end).

const profiles = {
  // Seed 000, school: consultations (phone/web, handled in minutes), general faults and major faults (24x7).
  // Breach chain: not solved within 1 h -> a senior engineer on site within 2 h; restore within 8 h; a problem
  // report within 24 h after each resolution.
  "seed-000-school": {
    count: 160,
    ticket(d, { id, opened, clock }) {
      const level = d.weighted({ consultation: 45, general: 45, major: 10 });
      if (level === "consultation") {
        const t = ticketBuilder(id, level, "consultation");
        t.add("opened", opened, { level });
        const solved = t.add("resolved", opened + d.between(1.5, 9.5) * MINUTE);
        if (d.chance(0.85))
          t.add("survey", solved + d.between(1, 20) * MINUTE, {
            channel: "consultation",
            satisfied: d.chance(0.985),
          });
        t.add("closed", solved + d.between(20, 60) * MINUTE);
        return t.done({ facts: { consultation: true } });
      }
      let current = level;
      const t = ticketBuilder(id, level, "onSite");
      t.add("opened", opened, { level });
      const response = t.add(
        "onSiteResponse",
        clock.at("response", level, opened, d.chance(0.94) ? d.between(0.2, 0.95) : d.between(1.05, 1.8)),
      );
      // A general fault found to be a crash: reclassified as major after the engineer arrives (and one major
      // fault downgraded). Durations are the same for both levels here; the KPIs per level see the change.
      if (level === "general" && d.chance(0.08)) {
        current = "major";
        t.add("levelChanged", response + d.between(2, 15) * MINUTE, { level: "major" });
      } else if (level === "major" && d.chance(0.15)) {
        current = "general";
        t.add("levelChanged", response + d.between(2, 15) * MINUTE, { level: "general" });
      }
      let resolved;
      if (d.chance(current === "major" ? 0.35 : 0.82)) {
        resolved = clock.at("resolve", current, opened, d.between(0.45, 0.97));
      } else {
        // Not solved in 1 h: the senior engineer comes (usually within 2 h of the breach), operation is restored
        // (a major fault sometimes after 8 h), and the problem is solved later.
        const breach = clock.at("resolve", current, opened, 1);
        t.add(
          "seniorOnSite",
          clock.at(
            "seniorOnSite",
            current,
            breach,
            d.chance(0.9) ? d.between(0.2, 0.95) : d.between(1.05, 1.5),
          ),
        );
        const late = current === "major" && d.chance(0.2);
        const restored = t.add(
          "restored",
          clock.at("restore", current, opened, late ? d.between(1.03, 1.5) : d.between(0.2, 0.95)),
        );
        resolved = restored + d.between(10, 240) * MINUTE;
      }
      t.add("resolved", resolved);
      let last = resolved;
      if (d.chance(0.96)) {
        last = t.add(
          "reportDelivered",
          clock.at(
            "problemReport",
            current,
            resolved,
            d.chance(0.93) ? d.between(0.1, 0.9) : d.between(1.02, 1.6),
          ),
        );
      }
      if (d.chance(0.75)) {
        const at = resolved + d.between(1, 48) * HOUR;
        t.add("survey", at, { channel: "onSite", satisfied: d.chance(0.96) });
        t.add("survey", at + 30_000, { channel: "product", satisfied: d.chance(0.955) });
      }
      if (d.chance(0.06)) {
        // Reopened: the fault came back. A second resolution owes a second problem report.
        const reopened = t.add("reopened", last + d.between(2, 72) * HOUR);
        const again = t.add("resolved", reopened + d.between(0.5, 4) * HOUR);
        last = t.add("reportDelivered", again + d.between(1, 20) * HOUR);
      }
      t.add("closed", Math.max(last, resolved) + d.between(1, 24) * HOUR);
      return t.done({ facts: current === "major" ? { systemCrashed: true } : {} });
    },
    inspections: () => [{ inspectionId: "yearlyInspection", at: "2025-10-15T14:00:00+08:00" }],
  },

  // Seed 001, network desk: the engineer must respond within 1 h; reminders at 30 and 45 min, reassignment at
  // 45 min; tiers desk -> engineer -> expert -> vendor; a survey form is sent when the case closes (P0D).
  "seed-001-network-desk": {
    count: 180,
    ticket(d, { id, opened, clock }) {
      const level = d.weighted({ general: 90, systemDown: 10 });
      const t = ticketBuilder(id, level, "case");
      t.add("opened", opened, { level });
      t.add("assigned", opened + d.between(1, 4) * MINUTE);
      let current = level;
      const kind = d.weighted({ early: 60, afterRemind30: 20, reassigned: 12, late: 8 });
      const after = (minutes) => clock.plus("desk", opened, minutes * MINUTE);
      if (kind === "reassigned" || kind === "late") t.add("assigned", after(d.between(45.5, 50)));
      const response = t.add(
        "engineerResponded",
        after(
          kind === "early"
            ? d.between(4, 29.5)
            : kind === "afterRemind30"
              ? d.between(30.5, 44.5)
              : kind === "reassigned"
                ? d.between(50.5, 59.5)
                : d.between(61, 150),
        ),
      );
      if (level === "general" && d.chance(0.05)) {
        current = "systemDown";
        t.add("levelChanged", response + d.between(5, 30) * MINUTE, { level: "systemDown" });
      }
      let work = response + d.between(5, 40) * MINUTE;
      if (current === "general") t.add("remoteSupport", work);
      if (current === "systemDown" || d.chance(0.2)) work = t.add("onSite", work + d.between(1, 4) * HOUR);
      if (d.chance(0.15)) work = t.add("escalated", work + d.between(0.5, 2) * HOUR, { tier: "expert" });
      if (d.chance(0.05)) work = t.add("rma", work + d.between(2, 24) * HOUR);
      const resolved = t.add("resolved", work + d.between(0.5, 6) * HOUR);
      let closed = t.add("closed", resolved + d.between(10, 120) * MINUTE);
      // The form goes out with the closing (a few minutes later), sometimes only the next morning: late.
      const sent = (at) =>
        t.add(
          "surveySent",
          d.chance(0.96) ? at + d.between(1, 10) * MINUTE : clock.plus("desk", at, d.between(20, 30) * HOUR),
        );
      const formSent = sent(closed);
      if (d.chance(0.6))
        t.add("survey", formSent + d.between(0.2, 30) * HOUR, { channel: "case", satisfied: d.chance(0.93) });
      if (d.chance(0.04)) {
        const reopened = t.add("reopened", closed + d.between(6, 48) * HOUR);
        const again = t.add("resolved", reopened + d.between(1, 3) * HOUR);
        closed = t.add("closed", again + d.between(10, 30) * MINUTE);
        sent(closed);
      }
      return t.done({ response: kind });
    },
    // The monthly performance report: data collected on the 1st, report delivered within the week.
    inspections: ({ from }) => [
      { inspectionId: "performanceReport", at: new Date(from + 5 * DAY + 16 * HOUR).toISOString() },
    ],
  },

  // Seed 002, network levels: no response times in the source; tickets are classified from facts (the example
  // runs classifyTicket on them) and some grow from level 3 to level 1.
  "seed-002-network-levels": {
    count: 90,
    ticket(d, { id, opened }) {
      const kind = d.weighted({
        down: 6,
        outage: 6,
        shortOutage: 8,
        data: 3,
        affected: 12,
        risk: 8,
        minor: 30,
        minorCritical: 7,
      });
      const factsByKind = {
        down: [{ systemDown: true }, "level1"],
        outage: [{ otherBusinessOutageMinutes: d.int(10, 90) }, "level1"], // 10 minutes or more: level 1
        shortOutage: [{ otherBusinessOutageMinutes: d.int(1, 9), functionAffected: true }, "level3"],
        data: [{ criticalDataLost: true }, "level1"],
        affected: [{ serviceAffected: true }, "level2"],
        risk: [{ riskOfCollapse: true, performanceAffected: true }, "level2"],
        minor: [{ functionAffected: true }, "level3"],
        // critical business affected, but nothing of level 1 or 2: no condition matches, the default (level 3) applies
        minorCritical: [{ performanceAffected: true, criticalBusinessAffected: true }, "level3"],
      };
      const [facts, level] = factsByKind[kind];
      const t = ticketBuilder(id, level, "hotline");
      t.add("opened", opened);
      let later;
      if (level === "level3" && d.chance(0.12)) {
        // The outage outgrows 10 minutes: reclassified as level 1.
        later = { ...facts, otherBusinessOutageMinutes: d.int(10, 40) };
        t.add("levelChanged", opened + d.between(10, 60) * MINUTE, { level: "level1" });
      }
      const hours = { level1: [0.5, 6], level2: [2, 24], level3: [4, 96] }[later ? "level1" : level];
      const resolved = t.add("resolved", opened + d.between(hours[0], hours[1]) * HOUR);
      if (d.chance(0.5))
        t.add("survey", resolved + d.between(1, 30) * HOUR, {
          channel: "hotline",
          satisfied: d.chance(0.94),
        });
      t.add("closed", resolved + d.between(1, 48) * HOUR);
      // `level` is the generator's reading of the facts: the example checks that the contract's rules agree.
      return t.done({ facts, ...(later ? { laterFacts: later } : {}) });
    },
    inspections: () => [
      // Before the important period the customer named (National Day): on the day and hour named.
      { inspectionId: "importantPeriods", at: "2025-09-26T09:00:00+08:00" },
      // The quarterly inspection of 1 October falls in the holiday and is done on 9 October instead.
      { inspectionId: "quarterlyInspection", at: "2025-10-09T10:00:00+08:00" },
    ],
  },

  // Seed 003, IT support on office hours: emergencies 30 min / general requests 2 h for a response, an answer
  // within 1 working day, an initial solution within 2 h for urgent problems.
  "seed-003-it-support": {
    count: 160,
    busy: "office",
    ticket(d, { id, opened, clock, contract }) {
      const level = d.weighted({ general: 80, emergency: 20 });
      const category = d.weighted({ hardware: 40, software: 40, network: 20 });
      const t = ticketBuilder(id, level, "support");
      t.add("opened", opened, { level });
      let current = level;
      let changedAt = opened;
      const responded = t.add(
        "responded",
        clock.at("response", level, opened, d.chance(0.86) ? d.between(0.1, 0.95) : d.between(1.05, 3)),
      );
      if (level === "general" && d.chance(0.08)) {
        // Turns out urgent: reclassified. The response and initial-solution targets now run on emergency
        // durations from the original opening; the answer target does not apply to emergencies.
        current = "emergency";
        changedAt = t.add("levelChanged", responded + d.between(5, 60) * MINUTE, { level: "emergency" });
      }
      let done;
      if (current === "emergency") {
        const at = clock.at(
          "initialSolution",
          "emergency",
          opened,
          d.chance(0.85) ? d.between(0.4, 0.95) : d.between(1.05, 2),
        );
        done = t.add("initialSolutionProvided", Math.max(at, changedAt + d.between(10, 40) * MINUTE));
      } else {
        // The answer (1 working day); while waiting for the customer the clock pauses, if the contract says so.
        const pauses = targetInput(contract, "answer").pause !== undefined;
        const onTime = d.chance(0.88);
        const f = onTime ? d.between(0.2, 0.95) : d.between(1.03, 1.6);
        if (pauses && d.chance(0.2)) {
          const waitFrom = t.add(
            "statusChanged",
            Math.max(responded, clock.at("answer", "general", opened, f * 0.3)) + MINUTE,
            { status: "waitingForCustomer" },
          );
          const waitTo = t.add("statusChanged", clock.plus("office", waitFrom, d.between(1, 20) * HOUR), {
            status: "inProgress",
          });
          // The remaining working time of the answer runs from the resumption.
          const used = clock.between("office", opened, waitFrom);
          const full = clock.between("office", opened, clock.at("answer", "general", opened, f));
          done = t.add("answered", clock.plus("office", waitTo, full - used));
        } else {
          done = t.add("answered", Math.max(responded + MINUTE, clock.at("answer", "general", opened, f)));
        }
      }
      const resolved = t.add("resolved", clock.plus("office", done, d.between(0.5, 16) * HOUR));
      let last = t.add("closed", resolved + d.between(5, 120) * MINUTE);
      if (d.chance(0.7))
        t.add("survey", last + d.between(1, 24) * HOUR, { channel: "support", satisfied: d.chance(0.9) });
      if (d.chance(0.05)) {
        const reopened = t.add("reopened", last + d.between(1, 3) * DAY);
        last = t.add("resolved", clock.plus("office", reopened, d.between(1, 6) * HOUR));
        t.add("closed", last + 10 * MINUTE);
      }
      return t.done({ facts: current === "emergency" ? { urgent: true } : { category } });
    },
  },

  // Seed 004, software: response 4 h (7x24 desk), fault removed within 2 working days or a plan within 2 days,
  // usability requests within 14 days, performance problems within 30 days, every request answered in 24 h.
  "seed-004-software": {
    count: 140,
    busy: "office",
    ticket(d, { id, opened, clock, contract }) {
      const level = d.weighted({ fault: 35, usability: 15, performance: 10, serviceRequest: 40 });
      const facts = {
        fault: d.chance(0.7) ? { systemFault: true } : { runningSlowly: true },
        usability: { requestType: "usability" },
        performance: { requestType: "performance", causedBySoftware: true },
        serviceRequest: { requestType: "consulting" },
      }[level];
      const t = ticketBuilder(id, level, "service");
      t.add("opened", opened, { level });
      t.add(
        "answered",
        clock.at("answer", level, opened, d.chance(0.93) ? d.between(0.05, 0.85) : d.between(1.05, 1.7)),
      );
      let current = level;
      let changedAt = opened;
      if (level === "serviceRequest" && d.chance(0.08)) {
        // "The system is slow" turns out to be a fault (slow running counts as a fault): reclassified.
        current = "fault";
        changedAt = t.add("levelChanged", opened + d.between(0.5, 6) * HOUR, { level: "fault" });
      }
      let resolved;
      if (current === "fault") {
        t.add(
          "responded",
          Math.max(
            changedAt + 5 * MINUTE,
            clock.at("response", "fault", opened, d.chance(0.9) ? d.between(0.1, 0.9) : d.between(1.05, 2)),
          ),
        );
        const pauses = targetInput(contract, "fix").pause !== undefined;
        let extra = 0;
        if (pauses && d.chance(0.15)) {
          // Waiting for the customer (remote access, logs): the 2-working-day clock stops meanwhile.
          const from = t.add(
            "waitingForCustomer",
            clock.plus("office", changedAt, d.between(0.5, 1.5) * HOUR),
          );
          const to = t.add("customerReplied", clock.plus("office", from, d.between(2, 14) * HOUR));
          extra = clock.between("office", from, to);
        }
        if (d.chance(0.72)) {
          const at = clock.at("fix", "fault", opened, d.between(0.2, 0.95));
          resolved = clock.plus("office", Math.max(at, changedAt + 2 * HOUR), extra);
        } else {
          // Not removed in 2 working days: a detailed plan and schedule within 2 days, the fix later.
          const breach = clock.plus("office", clock.at("fix", "fault", opened, 1), extra);
          if (d.chance(0.9))
            t.add(
              "planDelivered",
              clock.at("plan", "fault", breach, d.chance(0.85) ? d.between(0.1, 0.9) : d.between(1.05, 1.5)),
            );
          resolved = breach + d.between(1, 12) * DAY;
        }
      } else if (current === "usability") {
        resolved = clock.at(
          "usability",
          "usability",
          opened,
          d.chance(0.88) ? d.between(0.2, 0.95) : d.between(1.05, 1.5),
        );
      } else if (current === "performance") {
        resolved = clock.at(
          "performance",
          "performance",
          opened,
          d.chance(0.85) ? d.between(0.25, 0.95) : d.between(1.05, 1.4),
        );
      } else {
        resolved = opened + d.between(2, 72) * HOUR;
      }
      t.add("resolved", resolved);
      const closed = t.add("closed", resolved + d.between(1, 48) * HOUR);
      if (d.chance(0.5))
        t.add("survey", closed + d.between(1, 72) * HOUR, { channel: "service", satisfied: d.chance(0.92) });
      return t.done({ facts: current === level ? facts : { runningSlowly: true } });
    },
  },
};

/**
 * Generates the tickets of a seed contract opened in a period, and the inspections performed.
 *
 * @param contract - A contract from `parseContract` whose id is one of the seed contracts.
 * @param options - `period`: `{ month: "2025-10" }` or `{ dates: { from, to } }` (local dates, inclusive);
 *   `count`: number of tickets (default per contract); `seed`: the PRNG seed (default 2025).
 * @returns `{ tickets, inspections, from, to }`: tickets sorted by opening, with ids `<prefix>-0001`…; each
 *   ticket also carries `facts` (what classifyTicket would be given). Events may lie after any `now`: an
 *   evaluation at `now` ignores them, exactly as a real helpdesk would not know them yet.
 */
export function generateTickets(contract, { period, count, seed = 2025 } = {}) {
  const profile = profiles[contract.id];
  if (profile === undefined) throw new Error(`generate: no profile for contract "${contract.id}"`);
  const { from, to } = periodBounds(contract.timezone, period);
  const clock = clockOf(contract);
  const n = count ?? profile.count;
  const prefix = contract.id.slice(0, 8).toUpperCase(); // "SEED-000"
  const openings = [];
  const order = dice(mulberry32(hash(seed, contract.id, "openings")));
  const busy = profile.busy === undefined ? undefined : calendarOf(contract, profile.busy);
  for (let i = 0; i < n; i++) openings.push(openingAt(contract.timezone, order, from, to, busy));
  openings.sort((a, b) => a - b);
  const tickets = openings.map((opened, i) => {
    const id = `${prefix}-${String(i + 1).padStart(4, "0")}`;
    const d = dice(mulberry32(hash(seed, contract.id, i)));
    return profile.ticket(d, { id, opened, clock, contract, end: to });
  });
  const inspections = profile.inspections ? profile.inspections({ from, to }) : [];
  return { tickets, inspections, from, to };
}
