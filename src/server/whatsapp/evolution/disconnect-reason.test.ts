import { describe, expect, it } from "vitest";
import { disconnectReasons, isTerminalDisconnect } from "../../../shared/instance-reasons";
import { disconnectReasonOf } from "./disconnect-reason";

describe("Baileys disconnect codes as neutral reasons", () => {
  it("maps each code Evolution reports, 200 and absence to no reason, unknown codes to unknown", () => {
    expect([401, 402, 403, 406, 408, 411, 428, 440, 500, 503, 515].map(disconnectReasonOf)).toEqual([
      "logged_out",
      "account_unavailable",
      "banned",
      "refused",
      "connection_lost",
      "bad_session",
      "connection_closed",
      "replaced",
      "bad_session",
      "service_unavailable",
      "restart_required",
    ]);
    expect([200, null, undefined].map(disconnectReasonOf)).toEqual([null, null, null]);
    expect(disconnectReasonOf(499)).toBe("unknown");
  });

  it("keeps Evolution's terminal codes (no reconnect) terminal", () => {
    expect([401, 402, 403, 406].map((code) => isTerminalDisconnect(disconnectReasonOf(code)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([408, 428, 440, 500, 503, 515].some((code) => isTerminalDisconnect(disconnectReasonOf(code)))).toBe(false);
    expect(Object.keys(disconnectReasons)).toContain("unknown");
  });
});
