import { describe, expect, it } from "vitest";
import type { CampaignLimits, SendSchedule } from "./campaign-settings-schema";
import { estimateSendPace } from "./send-pace";

const TZ = "America/Sao_Paulo";
// Monday 2026-11-23, 09:00 in São Paulo (12:00 UTC); Friday 2026-11-20 is a national holiday.
const monday9 = new Date("2026-11-23T12:00:00Z");
const businessHours: SendSchedule = {
  startAt: monday9.toISOString(),
  weekdays: [1, 2, 3, 4, 5],
  from: "09:00",
  to: "18:00",
  quietFrom: "12:00",
  quietTo: "13:00",
  skipHolidays: true,
};
const fast: CampaignLimits = {
  perMinute: 60,
  perHour: 1000,
  perDay: 10_000,
  minIntervalSeconds: 0,
  maxIntervalSeconds: 0,
};
const paced: CampaignLimits = { ...fast, minIntervalSeconds: 30, maxIntervalSeconds: 30 };
const pace = (options: Partial<Parameters<typeof estimateSendPace>[0]>) =>
  estimateSendPace({
    recipients: 1000,
    numbers: [{ dailySendLimit: 10_000 }],
    limits: fast,
    schedule: businessHours,
    timezone: TZ,
    start: monday9,
    ...options,
  });

describe("estimateSendPace", () => {
  it("a number's own daily limit caps the day, whatever the campaign allows", () => {
    const estimate = pace({ numbers: [{ dailySendLimit: 200 }] });
    expect(estimate.perHour).toBe(1000);
    expect(estimate.perDay).toBe(200);
    // 200 a day over five weekdays; the fifth day's last 20 go out in its fourth minute.
    expect(estimate.finishAt).toEqual(new Date("2026-11-27T12:04:00Z"));
    expect(estimate.sendable).toBe(1000);
  });

  it("the pause between sends and the window's hours (minus quiet hours) set the pace", () => {
    const estimate = pace({ limits: paced });
    expect(estimate.perHour).toBe(120);
    expect(estimate.perDay).toBe(960);
    // 960 on Monday (8 open hours), the last 40 on Tuesday from 09:00 at two a minute.
    expect(estimate.finishAt).toEqual(new Date("2026-11-24T12:20:00Z"));
  });

  it("never counts the quiet hours or days outside the window", () => {
    // Starting Friday 17:00: one open hour, then nothing until Monday 09:00.
    const friday5pm = new Date("2026-11-27T20:00:00Z");
    const estimate = pace({
      limits: paced,
      recipients: 130,
      start: friday5pm,
      schedule: { ...businessHours, startAt: friday5pm.toISOString() },
    });
    expect(estimate.finishAt).toEqual(new Date("2026-11-30T12:05:00Z"));
  });

  it("what the window's end leaves out is counted, with no finish", () => {
    const estimate = pace({ limits: paced, schedule: { ...businessHours, endAt: "2026-11-23T21:00:00Z" } });
    expect(estimate.finishAt).toBeNull();
    expect(estimate.sendable).toBe(960);
  });

  it("counts what the number already sent in the last 24 hours", () => {
    const estimate = pace({
      recipients: 100,
      numbers: [{ dailySendLimit: 200, recentSends: [{ ageMinutes: 10, count: 150 }] }],
    });
    // 50 today; the 150 free up 24 h after they were sent (Tuesday 08:50, before the window opens).
    expect(estimate.finishAt).toEqual(new Date("2026-11-24T12:01:00Z"));
  });

  it("shares the recipients between the numbers, as claims do", () => {
    const one = pace({ limits: paced, recipients: 240 });
    const two = pace({ limits: paced, recipients: 240, numbers: [{ dailySendLimit: 500 }, { dailySendLimit: 500 }] });
    expect(two.perHour).toBe(240);
    expect(one.finishAt).toEqual(new Date("2026-11-23T14:00:00Z"));
    expect(two.finishAt).toEqual(new Date("2026-11-23T13:00:00Z"));
  });

  it("no number or a closed window: no finish; no recipients: done at once", () => {
    expect(pace({ numbers: [] }).finishAt).toBeNull();
    expect(pace({ recipients: 0 }).finishAt).toEqual(monday9);
  });

  it("a campaign that never finishes is worked out quickly (60 days, minute by minute)", () => {
    const started = performance.now();
    const estimate = pace({
      recipients: 10_000_000,
      limits: { ...fast, perDay: 100 },
      schedule: {
        ...businessHours,
        weekdays: [0, 1, 2, 3, 4, 5, 6],
        from: "00:00",
        to: "24:00",
        quietFrom: null,
        skipHolidays: false,
      },
    });
    expect(estimate.finishAt).toBeNull();
    expect(estimate.sendable).toBe(6000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
