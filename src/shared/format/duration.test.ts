import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it("writes seconds as a player does, rounding and never negative", () => {
    expect(formatDuration(5)).toBe("0:05");
    expect(formatDuration(59.6)).toBe("1:00");
    expect(formatDuration(125)).toBe("2:05");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(-3)).toBe("0:00");
  });
});
