import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { CircuitOpenError } from "../circuit-breaker";
import { classifySendFailure } from "./send-failure";

const failure = (reason: string, extra: Record<string, unknown> = {}) =>
  new AppError("UPSTREAM_UNAVAILABLE", "evolutionServerError", { details: { reason, ...extra } });

describe("classifySendFailure", () => {
  it("knows when the gateway never saw the send", () => {
    expect(classifySendFailure(new CircuitOpenError("default", new Date()))).toBe("not-sent");
    expect(classifySendFailure(failure("network", { networkError: "ECONNREFUSED" }))).toBe("not-sent");
    expect(classifySendFailure(failure("not-connected"))).toBe("not-sent");
  });

  it("treats a timeout, a reset connection or a 5xx as perhaps sent", () => {
    expect(classifySendFailure(failure("timeout"))).toBe("maybe-sent");
    expect(classifySendFailure(failure("network", { networkError: "ECONNRESET" }))).toBe("maybe-sent");
    expect(classifySendFailure(failure("server-error"))).toBe("maybe-sent");
    expect(classifySendFailure(new Error("boom"))).toBe("maybe-sent");
  });

  it("fails for good what WhatsApp refuses", () => {
    expect(classifySendFailure(failure("not-on-whatsapp"))).toBe("rejected");
    expect(classifySendFailure(failure("payload-too-large"))).toBe("rejected");
  });
});
