import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { CircuitBreaker, CircuitOpenError } from "./circuit-breaker";

const upstreamDown = () => Promise.reject(new AppError("UPSTREAM_UNAVAILABLE", "evolutionTimeout"));
const ok = () => Promise.resolve("ok");

function breakerWithClock(options: { failureThreshold?: number; coolDownMs?: number } = {}) {
  let now = 1_000_000;
  const breaker = new CircuitBreaker({ ...options, now: () => now });
  return { breaker, advance: (ms: number) => (now += ms), now: () => now };
}

async function failTimes(breaker: CircuitBreaker, serverId: string, times: number) {
  for (let i = 0; i < times; i++) await expect(breaker.run(serverId, upstreamDown)).rejects.toThrow(AppError);
}

describe("CircuitBreaker", () => {
  it("opens after N consecutive transport failures and then fails fast without calling", async () => {
    const { breaker, now } = breakerWithClock({ failureThreshold: 3 });
    await failTimes(breaker, "s1", 2);
    expect(breaker.state("s1")).toMatchObject({ state: "closed", consecutiveFailures: 2 });

    await failTimes(breaker, "s1", 1);
    expect(breaker.state("s1")).toEqual({
      state: "open",
      consecutiveFailures: 3,
      openedAt: new Date(now()),
      lastError: "evolutionTimeout",
    });

    let called = false;
    const rejection = breaker.run("s1", async () => {
      called = true;
      return "ok";
    });
    await expect(rejection).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(rejection).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "evolutionCircuitOpen",
    });
    expect(called).toBe(false);
  });

  it("keeps one circuit per server", async () => {
    const { breaker } = breakerWithClock({ failureThreshold: 1 });
    await failTimes(breaker, "s1", 1);
    expect(breaker.state("s1").state).toBe("open");
    expect(breaker.state("s2").state).toBe("closed");
    await expect(breaker.run("s2", ok)).resolves.toBe("ok");
  });

  it("resets the failure count on a success", async () => {
    const { breaker } = breakerWithClock({ failureThreshold: 3 });
    await failTimes(breaker, "s1", 2);
    await breaker.run("s1", ok);
    await failTimes(breaker, "s1", 2);
    expect(breaker.state("s1")).toMatchObject({ state: "closed", consecutiveFailures: 2 });
  });

  it("does not count business errors (4xx) as failures", async () => {
    const { breaker } = breakerWithClock({ failureThreshold: 1 });
    const notOnWhatsApp = () => Promise.reject(new AppError("BAD_REQUEST", "notOnWhatsapp"));
    for (let i = 0; i < 3; i++) await expect(breaker.run("s1", notOnWhatsApp)).rejects.toThrow("notOnWhatsapp");
    expect(breaker.state("s1")).toMatchObject({ state: "closed", consecutiveFailures: 0 });
  });

  it("after the cool-down lets exactly one probe through; its success closes the circuit", async () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 1, coolDownMs: 30_000 });
    await failTimes(breaker, "s1", 1);
    advance(29_999);
    await expect(breaker.run("s1", ok)).rejects.toBeInstanceOf(CircuitOpenError);
    advance(1);
    expect(breaker.state("s1").state).toBe("half-open");

    let releaseProbe!: (value: string) => void;
    const probe = breaker.run("s1", () => new Promise<string>((resolve) => (releaseProbe = resolve)));
    let secondCalled = false;
    const concurrent = breaker.run("s1", async () => {
      secondCalled = true;
      return "ok";
    });
    await expect(concurrent).rejects.toBeInstanceOf(CircuitOpenError);
    expect(secondCalled).toBe(false);

    releaseProbe("ok");
    await expect(probe).resolves.toBe("ok");
    expect(breaker.state("s1")).toEqual({ state: "closed", consecutiveFailures: 0, openedAt: null, lastError: null });
    await expect(breaker.run("s1", ok)).resolves.toBe("ok");
  });

  it("re-opens for another cool-down when the probe fails", async () => {
    const { breaker, advance, now } = breakerWithClock({ failureThreshold: 2, coolDownMs: 1_000 });
    await failTimes(breaker, "s1", 2);
    advance(1_000);
    await failTimes(breaker, "s1", 1);
    expect(breaker.state("s1")).toMatchObject({ state: "open", consecutiveFailures: 3, openedAt: new Date(now()) });
    await expect(breaker.run("s1", ok)).rejects.toBeInstanceOf(CircuitOpenError);
    advance(1_000);
    await expect(breaker.run("s1", ok)).resolves.toBe("ok");
    expect(breaker.state("s1").state).toBe("closed");
  });

  it("closes when the probe gets a business answer: the server is reachable", async () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 1, coolDownMs: 1_000 });
    await failTimes(breaker, "s1", 1);
    advance(1_000);
    await expect(breaker.run("s1", () => Promise.reject(new AppError("NOT_FOUND", "notFound")))).rejects.toThrow(
      "notFound",
    );
    expect(breaker.state("s1").state).toBe("closed");
  });
});
