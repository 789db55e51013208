// A Shanghai office calendar with China's 2025 National Day holidays and make-up working days.
// Run: npm run examples (builds the package first). Every expected value below was worked out by hand.
import assert from "node:assert/strict";
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
} from "slakit/calendar";

const day = [
  ["09:00", "12:00"],
  ["13:00", "18:00"],
];
const office = compileCalendar({
  timezone: "Asia/Shanghai",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  // National Day and Mid-Autumn 2025: 1–8 October off (State Council notice 国办发明电〔2024〕12号).
  holidays: [{ from: "2025-10-01", to: "2025-10-08", name: "National Day" }],
  // …paid for with two make-up working days: Sunday 28 September and Saturday 11 October.
  overrides: { "2025-09-28": day, "2025-10-11": day },
});

const show = (label, date) => {
  console.log(`${label.padEnd(58)} ${date.toISOString()}`);
  return date.toISOString();
};

// A fault reported on Friday 26 September at 17:30, just before the holiday season.
const reported = "2025-09-26T17:30:00+08:00";

// 4 working hours: Fri 17:30–18:00 (0.5 h), Sat closed, Sun 28 is a make-up day: 09:00–12:00 (3 h), 13:00–13:30.
assert.equal(
  show("Response within 4 working hours", addBusinessTime(office, reported, "PT4H")),
  "2025-09-28T05:30:00.000Z",
);

// 2 working days: Friday is not counted; Sun 28 (make-up) is day 1, Mon 29 is day 2, ending at 18:00.
assert.equal(
  show("Repair within 2 working days", addBusinessTime(office, reported, "P2D")),
  "2025-09-29T10:00:00.000Z",
);

// From Tuesday 30 September: 1–8 October are holidays, so Thu 9 and Fri 10 are days 1 and 2, Sat 11 day 3.
assert.equal(
  show("2 working days from Tue 30 Sep", addBusinessDays(office, "2025-09-30T10:00:00+08:00", 2)),
  "2025-10-10T10:00:00.000Z",
);
assert.equal(
  show(
    "3 working days from Tue 30 Sep (make-up Sat 11 Oct)",
    addBusinessDays(office, "2025-09-30T10:00:00+08:00", 3),
  ),
  "2025-10-11T10:00:00.000Z",
);

// Two deadlines for 8 h from Tue 30 Sep 09:00: used up at 18:00 (dueAt); not exceeded until the next opening,
// Thu 9 Oct 09:00 (lastCompliantAt): a reply at any instant in between is on time.
assert.equal(
  show(
    "8 working hours from Tue 30 Sep 09:00 (dueAt)",
    addBusinessTime(office, "2025-09-30T09:00:00+08:00", "PT8H"),
  ),
  "2025-09-30T10:00:00.000Z",
);
assert.equal(
  show(
    "… the same, lastCompliantAt",
    addBusinessTime(office, "2025-09-30T09:00:00+08:00", "PT8H", { boundary: "nextOpening" }),
  ),
  "2025-10-09T01:00:00.000Z",
);

// Working time from Fri 26 Sep 09:00 to Thu 9 Oct 09:00: Fri, Sun (make-up), Mon, Tue at 8 h each.
const hours =
  businessTimeBetween(office, "2025-09-26T09:00:00+08:00", "2025-10-09T09:00:00+08:00") / 3_600_000;
console.log(`${"Working hours from Fri 26 Sep to Thu 9 Oct".padEnd(58)} ${hours}`);
assert.equal(hours, 32);

assert.equal(isBusinessTime(office, "2025-10-01T10:00:00+08:00"), false);
assert.equal(
  show("Next opening after National Day morning", nextBusinessTime(office, "2025-10-01T10:00:00+08:00")),
  "2025-10-09T01:00:00.000Z",
);
console.log("calendar-shanghai: all checks passed");
