import { describe, expect, it } from "vitest";
import { reconnectDelayMs } from "./reconnect-backoff";

describe("reconnect backoff", () => {
  it("doubles from 15 s and stops at the cap, never a tight loop", () => {
    const noJitter = () => 0.5;
    expect([1, 2, 3, 4, 5, 10, 50].map((n) => reconnectDelayMs(n, 900_000, noJitter))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 900_000, 900_000,
    ]);
  });

  it("spreads attempts by ±20 %", () => {
    expect(reconnectDelayMs(1, 900_000, () => 0)).toBe(12_000);
    expect(reconnectDelayMs(1, 900_000, () => 1)).toBe(18_000);
  });
});
