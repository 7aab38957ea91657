import type { CampaignLimits, SendSchedule } from "./campaign-settings-schema";
import { minutesOf } from "../../../shared/zoned-clock";
import { localTime, nextWindowOpening, outsideWindow } from "./send-window";

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** As far as nextWindowOpening looks: a campaign that needs longer is reported as not finishing. */
const HORIZON_DAYS = 60;

export interface PacedNumber {
  dailySendLimit: number;
  /** Sends this number already made in the last 24 h (any campaign), by age in whole minutes. */
  recentSends?: { ageMinutes: number; count: number }[];
}

export interface SendPace {
  /** Sends per hour with every number sending, inside the window. */
  perHour: number;
  /** Sends in one full day of the window, with every number sending. */
  perDay: number;
  /** When the last recipient would be sent; null when that is past the end of the window (or 60 days). */
  finishAt: Date | null;
  /** How many would be sent before the window ends (all of them when `finishAt` is set). */
  sendable: number;
}

/** Minutes of a day the window is open: sending hours minus the quiet hours inside them. */
function openMinutesPerDay(schedule: SendSchedule): number {
  const from = minutesOf(schedule.from);
  const to = minutesOf(schedule.to);
  if (!schedule.quietFrom || !schedule.quietTo) return to - from;
  const quietFrom = minutesOf(schedule.quietFrom);
  const quietTo = minutesOf(schedule.quietTo);
  const overlap = (a: number, b: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));
  const quiet = quietFrom <= quietTo ? overlap(quietFrom, quietTo) : overlap(quietFrom, 1440) + overlap(0, quietTo);
  return to - from - quiet;
}

/** Minutes from an open moment to the next time of day where the window may change (at least 1). */
function openMinutesLeft(schedule: SendSchedule, timezone: string, instant: Date): number {
  const now = localTime(instant, timezone).minutes;
  const boundaries = [schedule.from, schedule.to, schedule.quietFrom, schedule.quietTo]
    .flatMap((hhmm) => (hhmm ? [minutesOf(hhmm)] : []))
    .filter((minutes) => minutes > now);
  return Math.max(1, Math.min(DAY_MINUTES, ...boundaries) - now);
}

/** The pause between sends allows this many per minute (the dispatcher sends one, then waits). */
function intervalRate(limits: CampaignLimits): number {
  const average = (limits.minIntervalSeconds + limits.maxIntervalSeconds) / 2;
  return limits.maxIntervalSeconds > 0 && average > 0 ? 60 / average : Number.POSITIVE_INFINITY;
}

/** One number's sends over the last 24 h, minute by minute: what its hour and day limits count. */
class RollingUsage {
  private readonly ring = new Array<number>(DAY_MINUTES).fill(0);
  private position = 0;
  hour = 0;
  day = 0;

  constructor(recent: PacedNumber["recentSends"] = []) {
    // The current minute is slot 0; a send `age` minutes old sits `age` slots behind it.
    for (const { ageMinutes, count } of recent) {
      if (ageMinutes < 0 || ageMinutes >= DAY_MINUTES) continue;
      const slot = (DAY_MINUTES - ageMinutes) % DAY_MINUTES;
      this.ring[slot] = this.ring[slot]! + count;
      this.day += count;
      if (ageMinutes < 60) this.hour += count;
    }
  }

  /** Moves time on: a minute's sends leave the day after 24 h and the hour after 60 minutes. */
  advance(minutes: number): void {
    if (minutes >= DAY_MINUTES) {
      this.ring.fill(0);
      this.hour = 0;
      this.day = 0;
      return;
    }
    for (let i = 0; i < minutes; i++) {
      this.position = (this.position + 1) % DAY_MINUTES;
      this.day -= this.ring[this.position]!;
      this.ring[this.position] = 0;
      this.hour -= this.ring[(this.position - 60 + DAY_MINUTES) % DAY_MINUTES]!;
    }
  }

  record(count: number): void {
    this.ring[this.position] = this.ring[this.position]! + count;
    this.hour += count;
    this.day += count;
  }
}

/**
 * How fast a campaign would go and when it would finish, by the rules the dispatcher enforces
 * (claim-recipients, run-campaign-dispatch): per number, the campaign's limits per minute, hour and
 * day, the number's own daily limit (both over the last 24 h, counting what the number already sent),
 * the pause between sends, and the send window with its weekdays, holidays and quiet hours. Simulated
 * minute by minute from `start`; the recipients go to whichever number has room, as claims do.
 */
export function estimateSendPace(input: {
  recipients: number;
  numbers: PacedNumber[];
  limits: CampaignLimits;
  schedule: SendSchedule;
  timezone: string;
  start: Date;
}): SendPace {
  const { limits, schedule, numbers } = input;
  const perMinute = Math.min(limits.perMinute, intervalRate(limits));
  const hourly = Math.min(limits.perHour, perMinute * 60);
  const openHours = openMinutesPerDay(schedule) / 60;
  const perHour = numbers.length * Math.floor(hourly);
  const perDay = numbers.reduce(
    (sum, number) => sum + Math.floor(Math.min(limits.perDay, number.dailySendLimit, hourly * Math.max(0, openHours))),
    0,
  );
  if (input.recipients === 0) return { perHour, perDay, finishAt: input.start, sendable: 0 };
  if (numbers.length === 0 || perDay === 0) return { perHour, perDay, finishAt: null, sendable: 0 };

  const usage = numbers.map((number) => new RollingUsage(number.recentSends));
  const credit = numbers.map(() => 0);
  const end = Math.min(
    schedule.endAt ? new Date(schedule.endAt).getTime() : Number.POSITIVE_INFINITY,
    input.start.getTime() + HORIZON_DAYS * 86_400_000,
  );
  let remaining = input.recipients;
  let t = Math.floor(Math.max(input.start.getTime(), new Date(schedule.startAt).getTime()) / MINUTE) * MINUTE;
  while (t < end) {
    if (outsideWindow(schedule, input.timezone, new Date(t))) {
      const opening = nextWindowOpening(schedule, input.timezone, new Date(t));
      if (!opening || opening.getTime() >= end) break;
      const skipped = Math.max(1, Math.round((opening.getTime() - t) / MINUTE));
      for (const rolling of usage) rolling.advance(skipped);
      // No burst at the opening: the pause between sends starts over.
      credit.fill(0);
      t += skipped * MINUTE;
      continue;
    }
    // Open until the next boundary of the day (end of hours, quiet hours, midnight): no clock reading inside.
    const stretch = Math.min(openMinutesLeft(schedule, input.timezone, new Date(t)), Math.ceil((end - t) / MINUTE));
    for (let minute = 0; minute < stretch; minute++) {
      for (let n = 0; n < numbers.length && remaining > 0; n++) {
        const rolling = usage[n]!;
        credit[n] = Math.min(credit[n]! + perMinute, Math.max(perMinute, 1));
        const room = Math.min(
          Math.floor(credit[n]!),
          limits.perHour - rolling.hour,
          Math.min(limits.perDay, numbers[n]!.dailySendLimit) - rolling.day,
          remaining,
        );
        if (room <= 0) continue;
        rolling.record(room);
        credit[n] = credit[n]! - room;
        remaining -= room;
      }
      if (remaining === 0) return { perHour, perDay, finishAt: new Date(t + MINUTE), sendable: input.recipients };
      for (const rolling of usage) rolling.advance(1);
      t += MINUTE;
    }
  }
  return { perHour, perDay, finishAt: null, sendable: input.recipients - remaining };
}
