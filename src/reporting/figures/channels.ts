/**
 * The channels figure: tickets, resolutions and summed handling time per service channel, and the surveys
 * answered per channel (with the contract's satisfaction minimum beside them).
 * @internal
 * @module
 */
import { compareText } from "../../contracts/kernel.js";
import { SlaError } from "../../errors.js";
import type { Figure } from "../figure.js";
import {
  arrayAt,
  expectConsistent,
  failRead,
  readCount,
  readObject,
  readText,
  readTextOrNull,
} from "../report-json.js";
import type { ChannelSatisfaction, ChannelSummary } from "../types.js";

/** The tickets of one channel. */
interface ChannelAcc {
  tickets: number;
  resolved: number;
  handlingSumMs: number;
}

/** The surveys of one channel. */
interface SurveyAcc {
  satisfied: number;
  surveys: number;
}

/** Tickets per channel (`null`: without one) and surveys per channel. @internal */
export interface ChannelsAcc {
  readonly channels: Map<string | null, ChannelAcc>;
  readonly surveys: Map<string, SurveyAcc>;
}

function cmpNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

/** `sum` if it is still an exact integer. @throws SlaError `E_LIMIT` otherwise. */
function exactSum(sum: number): number {
  if (!Number.isSafeInteger(sum)) {
    throw new SlaError("E_LIMIT", "The sum of handling times exceeds the exact integer range", "tickets");
  }
  return sum;
}

function channelAcc(acc: ChannelsAcc, channel: string | null): ChannelAcc {
  let ch = acc.channels.get(channel);
  if (ch === undefined) {
    ch = { tickets: 0, resolved: 0, handlingSumMs: 0 };
    acc.channels.set(channel, ch);
  }
  return ch;
}

function surveyAcc(acc: ChannelsAcc, channel: string): SurveyAcc {
  let s = acc.surveys.get(channel);
  if (s === undefined) {
    s = { satisfied: 0, surveys: 0 };
    acc.surveys.set(channel, s);
  }
  return s;
}

function satisfactionOf(acc: ChannelsAcc, minByChannel: ReadonlyMap<string, number>): ChannelSatisfaction[] {
  const channels = new Set<string>([...acc.surveys.keys(), ...minByChannel.keys()]);
  return [...channels].sort(compareText).map((channel) => {
    const s = acc.surveys.get(channel) ?? { satisfied: 0, surveys: 0 };
    return {
      channel,
      satisfied: s.satisfied,
      surveys: s.surveys,
      rate: s.surveys === 0 ? null : s.satisfied / s.surveys,
      min: minByChannel.get(channel) ?? null,
    };
  });
}

/** The `satisfaction` and `channels` sections. @internal */
export const channelsFigure: Figure<
  ChannelsAcc,
  { satisfaction: ChannelSatisfaction[]; channels: ChannelSummary[] }
> = {
  empty() {
    return { channels: new Map(), surveys: new Map() };
  },
  add(acc, e) {
    const ch = channelAcc(acc, typeof e.channel === "string" ? e.channel : null);
    ch.tickets += 1;
    if (e.resolvedAt !== null) {
      ch.resolved += 1;
      ch.handlingSumMs = exactSum(ch.handlingSumMs + Math.max(0, e.resolvedAt - e.openedAt));
    }
    for (const survey of e.surveys) {
      const s = surveyAcc(acc, survey.channel);
      s.surveys += 1;
      if (survey.satisfied === true) s.satisfied += 1;
    }
  },
  absorb(into, from) {
    for (const [k, s] of from.surveys) {
      const mine = surveyAcc(into, k);
      mine.satisfied += s.satisfied;
      mine.surveys += s.surveys;
    }
    for (const [k, c] of from.channels) {
      const mine = into.channels.get(k);
      if (mine === undefined) into.channels.set(k, { ...c });
      else {
        mine.tickets += c.tickets;
        mine.resolved += c.resolved;
        mine.handlingSumMs = exactSum(mine.handlingSumMs + c.handlingSumMs);
      }
    }
  },
  finish(acc, context) {
    const minByChannel = new Map<string, number>();
    for (const k of context.contract.kpis) {
      if (k.kind === "satisfaction" && !minByChannel.has(k.channel)) minByChannel.set(k.channel, k.min);
    }
    const channels = [...acc.channels]
      .sort((a, b) => cmpNullable(a[0], b[0]))
      .map(([channel, c]) => ({
        channel,
        tickets: c.tickets,
        resolved: c.resolved,
        handlingSumMs: c.handlingSumMs,
        meanHandlingMs: c.resolved === 0 ? null : c.handlingSumMs / c.resolved,
      }));
    return { satisfaction: satisfactionOf(acc, minByChannel), channels };
  },
  read(report, path) {
    const acc: ChannelsAcc = { channels: new Map(), surveys: new Map() };
    const root = report as unknown as Record<string, unknown>;
    arrayAt(root, "satisfaction", path).forEach((item, i) => {
      const where = `${path}.satisfaction[${i}]`;
      const x = readObject(item, where);
      const channel = readText(x.channel, `${where}.channel`);
      const surveys = readCount(x.surveys, `${where}.surveys`);
      const satisfied = readCount(x.satisfied, `${where}.satisfied`);
      expectConsistent(satisfied <= surveys, "more surveys satisfied than answered", `${where}.satisfied`);
      if (acc.surveys.has(channel)) failRead("a channel is listed twice", `${where}.channel`);
      if (surveys > 0) acc.surveys.set(channel, { satisfied, surveys });
    });
    arrayAt(root, "channels", path).forEach((item, i) => {
      const where = `${path}.channels[${i}]`;
      const c = readObject(item, where);
      const channel = readTextOrNull(c.channel, `${where}.channel`);
      const counted: ChannelAcc = {
        tickets: readCount(c.tickets, `${where}.tickets`),
        resolved: readCount(c.resolved, `${where}.resolved`),
        handlingSumMs: readCount(c.handlingSumMs, `${where}.handlingSumMs`),
      };
      expectConsistent(
        counted.resolved <= counted.tickets,
        "more tickets resolved than counted",
        `${where}.resolved`,
      );
      if (acc.channels.has(channel)) failRead("a channel is listed twice", `${where}.channel`);
      acc.channels.set(channel, counted);
    });
    return acc;
  },
};
