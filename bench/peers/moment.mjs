// Adapter for moment-business-time 2.0.0 with moment-timezone: each call builds a zoned moment from epoch ms
// and reads epoch ms (or minutes) back, as a caller pays it.
import { createRequire } from "node:module";
import { HOLIDAYS, INTERVALS, MINUTE, WORKDAYS } from "../workload.mjs";

const require = createRequire(import.meta.url);

export function loadMoment() {
  const moment = require("moment-timezone");
  require("moment-business-time"); // patches moment.fn (same `moment` instance as moment-timezone)
  const segments = INTERVALS.flat().map((s) => `${s}:00`);
  const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  moment.updateLocale(moment.locale(), {
    workinghours: Object.fromEntries(days.map((d, i) => [i, WORKDAYS.includes(d) ? segments : null])),
    holidays: [...HOLIDAYS],
  });
  const version = require("moment-business-time/package.json").version;
  return {
    name: "moment-business-time",
    version,
    make(zone) {
      return {
        add240m: (t) => moment.tz(t, zone).addWorkingTime(240, "minutes").valueOf(),
        add16h: (t) => moment.tz(t, zone).addWorkingTime(16, "hours").valueOf(),
        add2dSameTime: (t) => moment.tz(t, zone).addWorkingTime(2, "days").valueOf(),
        // b.workingDiff(a) is positive for a < b; minutes, converted to ms for comparison
        between: (a, b) => moment.tz(b, zone).workingDiff(moment.tz(a, zone), "minutes") * MINUTE,
      };
    },
  };
}
