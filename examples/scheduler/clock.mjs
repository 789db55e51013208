// The desk's clock. In production it is the real clock. The simulation (simulate.mjs, the scale test, the bench)
// runs it faster: simulated time = simStart + (real time - realStart) x speed, the same formula in every process,
// passed to the workers in the SCHEDULER_CLOCK environment variable. slakit itself never reads a clock: `now` is a
// parameter, and this module is where the host chooses it.

/**
 * A clock: `now()` in epoch ms on the desk's time line, and `realOf(t)`, the real epoch ms at which the desk's
 * time line reaches `t` (when the job queue, which runs on real time, must wake up for it).
 */
export function realClock() {
  return { now: () => Date.now(), realOf: (t) => t, describe: () => "real time" };
}

/**
 * An accelerated clock. `realOf` rounds up, so that a job the queue starts at `realOf(t)` reads `now() >= t`.
 * @param options - `{ simStart, realStart, speed }`: epoch ms, epoch ms, simulated ms per real ms.
 */
export function acceleratedClock({ simStart, realStart, speed }) {
  return {
    now: () => Math.floor(simStart + (Date.now() - realStart) * speed),
    realOf: (t) => realStart + Math.ceil((t - simStart) / speed),
    describe: () => `simulated time x${speed} from ${new Date(simStart).toISOString()}`,
    options: { simStart, realStart, speed },
  };
}

/** The clock named by SCHEDULER_CLOCK (`{"simStart":…,"realStart":…,"speed":…}`), else the real clock. */
export function clockFromEnv(env = process.env) {
  return env.SCHEDULER_CLOCK ? acceleratedClock(JSON.parse(env.SCHEDULER_CLOCK)) : realClock();
}
