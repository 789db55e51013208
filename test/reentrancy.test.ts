// Re-entrancy (issue: module state shared between calls): every public function gives the same answer when a
// getter in its input calls the other public functions on other inputs in the middle of the call, and two async
// report builds interleaved give the reports each gives alone. Expected values are the plain calls' own results:
// the law is equality with the uninterrupted call (the worked values of each function are pinned elsewhere).
import { describe, expect, test } from "vitest";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  subtractBusinessTime,
} from "../src/calendar/index.js";
import { classifyTicket, parseContract } from "../src/contracts/index.js";
import type { Ticket, TicketEvent } from "../src/escalation/index.js";
import { evaluateTicket, explainTarget } from "../src/escalation/index.js";
import { buildReport, buildReportAsync, mergeReports, renderReport } from "../src/reporting/index.js";
import { seed, seedJson } from "./escalation/helpers.js";

const desk = seed("seed-001-network-desk"); // 24x7 Shanghai
const office = seed("seed-004-software"); // Mon–Fri 09:00–18:00 Shanghai, National Day holidays
const ny = compileCalendar({
  timezone: "America/New_York",
  week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]] },
});
const paris = compileCalendar({
  timezone: "Europe/Paris",
  week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["08:00", "12:00"]]])),
});

/** Calls every public function on other inputs: what a re-entrant getter does in the middle of a call. */
function interfere(): void {
  const other: Ticket = {
    id: "OTHER",
    level: "fault",
    events: [
      { type: "opened", at: "2025-09-26T19:00:00+08:00" },
      { type: "resolved", at: "2025-10-09T10:00:00+08:00" },
    ],
  };
  evaluateTicket(office, other, "2025-10-10T00:00:00+08:00");
  explainTarget(office, other, "fix", "2025-10-10T00:00:00+08:00");
  buildReport(office, [other], { period: { month: "2025-09" }, now: "2025-10-10T00:00:00+08:00" });
  addBusinessTime(ny, "2025-03-09T10:00:00-05:00", "PT30H");
  subtractBusinessTime(ny, "2025-03-12T10:00:00-04:00", "PT20H");
  businessTimeBetween(ny, "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  addBusinessDays(ny, "2025-11-01T10:00:00-04:00", 7);
  parseContract(seedJson("seed-002-network-levels"));
}

/** A ticket of `desk` whose second event's `at` getter interferes (each read). */
function hostileTicket(id: string): { plain: Ticket; hostile: Ticket } {
  const opened: TicketEvent = { type: "opened", at: "2025-03-03T09:00:00+08:00" };
  const responded = { type: "engineerResponded", at: "2025-03-03T09:20:00+08:00" };
  const getter = {
    type: "engineerResponded",
    get at(): string {
      interfere();
      return "2025-03-03T09:20:00+08:00";
    },
  };
  return { plain: { id, events: [opened, responded] }, hostile: { id, events: [opened, getter] } };
}

const NOW = "2025-03-03T09:30:00+08:00";
const REPORT = { period: { month: "2025-03" }, now: "2025-04-01T00:00:00+08:00" } as const;

describe("re-entrant getters change no answer", () => {
  test("evaluateTicket", () => {
    const { plain, hostile } = hostileTicket("E");
    expect(evaluateTicket(desk, hostile, NOW)).toStrictEqual(evaluateTicket(desk, plain, NOW));
  });

  test("explainTarget", () => {
    const { plain, hostile } = hostileTicket("X");
    expect(explainTarget(desk, hostile, "engineerResponse", NOW)).toStrictEqual(
      explainTarget(desk, plain, "engineerResponse", NOW),
    );
  });

  test("buildReport and renderReport", () => {
    const { plain, hostile } = hostileTicket("R");
    const a = buildReport(desk, [hostile, plain], REPORT);
    const b = buildReport(desk, [plain, plain], REPORT);
    expect(a).toStrictEqual(b);
    expect(renderReport(a, "markdown")).toBe(renderReport(b, "markdown"));
  });

  test("mergeReports, with a part whose getter interferes", () => {
    const part = buildReport(desk, [hostileTicket("M1").plain], REPORT);
    const other = buildReport(desk, [hostileTicket("M2").plain], REPORT);
    const json = JSON.parse(JSON.stringify(part));
    const hostile = {
      ...json,
      get tickets() {
        interfere();
        return json.tickets;
      },
    };
    expect(mergeReports(hostile, other)).toStrictEqual(mergeReports(part, other));
  });

  test("addBusinessTime, subtractBusinessTime, addBusinessDays: an options getter that interferes", () => {
    const options = (boundary: "dueAt" | "nextOpening") => ({
      get boundary() {
        interfere();
        return boundary;
      },
    });
    const t = "2025-06-02T09:00:00+02:00";
    expect(addBusinessTime(paris, t, "PT10H", options("nextOpening"))).toStrictEqual(
      addBusinessTime(paris, t, "PT10H", { boundary: "nextOpening" }),
    );
    expect(subtractBusinessTime(paris, t, "PT10H", options("dueAt"))).toStrictEqual(
      subtractBusinessTime(paris, t, "PT10H", { boundary: "dueAt" }),
    );
    const days = {
      get sameTime() {
        interfere();
        return true;
      },
    };
    expect(addBusinessDays(paris, t, 3, days as never)).toStrictEqual(
      addBusinessDays(paris, t, 3, { sameTime: true } as never),
    );
  });

  test("compileCalendar: a spec getter that interferes", () => {
    const spec = {
      timezone: "Asia/Shanghai",
      get week() {
        interfere();
        return "24x7";
      },
    };
    const a = compileCalendar(spec as never);
    const b = compileCalendar({ timezone: "Asia/Shanghai", week: "24x7" });
    expect(businessTimeBetween(a, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")).toBe(
      businessTimeBetween(b, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
    );
  });

  test("classifyTicket: a facts getter that interferes", async () => {
    const levels = parseContract(seedJson("seed-002-network-levels"));
    const plain = { systemDown: false, otherBusinessOutageMinutes: 12 };
    const hostile = {
      get systemDown() {
        interfere();
        return false;
      },
      otherBusinessOutageMinutes: 12,
    };
    expect(await classifyTicket(levels, hostile as never)).toBe(await classifyTicket(levels, plain as never));
  });
});

test("two async report builds interleaved give the reports each gives alone", async () => {
  const tickets = (prefix: string, contract: "desk" | "office"): Ticket[] =>
    Array.from({ length: 40 }, (_, i) => ({
      id: `${prefix}${i}`,
      ...(contract === "office" ? { level: "fault" } : {}),
      events: [
        { type: "opened", at: Date.parse("2025-03-03T01:00:00Z") + i * 3_600_000 },
        { type: "resolved", at: Date.parse("2025-03-03T01:00:00Z") + i * 3_600_000 + (i % 7) * 1_800_000 },
      ],
    }));
  async function* slowly(list: Ticket[]): AsyncGenerator<Ticket> {
    for (const t of list) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      yield t;
    }
  }
  const a = tickets("A", "desk");
  const b = tickets("B", "office");
  const [ra, rb] = await Promise.all([
    buildReportAsync(desk, slowly(a), REPORT),
    buildReportAsync(office, slowly(b), REPORT),
  ]);
  expect(ra).toStrictEqual(buildReport(desk, a, REPORT));
  expect(rb).toStrictEqual(buildReport(office, b, REPORT));
});
