/**
 * Load generator, run as a child process (the server under test must not share its event loop):
 * the parent sends one LoadPlan over IPC and gets one LoadResult back.
 *   - "autocannon": autocannon's programmatic API, at `rate` (overallRate) or at maximum.
 *   - "paced": an open-loop generator that starts requests at exact intervals and measures each
 *     latency from its scheduled start (no coordinated omission), for a fixed rate.
 */
import http from "node:http";
import autocannon from "autocannon";
import { upsertBodies, type WebhookTarget } from "./payloads";

export interface LoadPlan {
  mode: "autocannon" | "paced";
  host: string;
  port: number;
  targets: WebhookTarget[];
  contacts: number;
  durationSeconds: number;
  connections: number;
  /** Requests per second over all connections; unset = as fast as the server answers. */
  rate?: number;
  seed: number;
  /** Makes this run's WhatsApp message ids unique among runs. */
  runTag: string;
}

export interface LoadResult {
  mode: LoadPlan["mode"];
  requests: number;
  durationSeconds: number;
  reqPerSec: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** How long the paced mode waits, after its duration, for answers still outstanding. */
const GRACE_MS = 15_000;

const round = (value: number) => Math.round(value * 100) / 100;

async function runAutocannon(plan: LoadPlan): Promise<LoadResult> {
  const body = upsertBodies({ contacts: plan.contacts, seed: plan.seed, runTag: plan.runTag });
  let next = 0;
  const result = await autocannon({
    url: `http://${plan.host}:${plan.port}`,
    connections: plan.connections,
    duration: plan.durationSeconds,
    // autocannon's own coordinated-omission correction passes the expected interval in the wrong unit
    // (1/rate seconds, rounded up to 1 ms) and floods the histogram with synthetic values: record what
    // was measured. (The paced mode measures from each request's scheduled start instead.)
    ...(plan.rate ? { overallRate: plan.rate, ignoreCoordinatedOmission: true } : {}),
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const target = plan.targets[next++ % plan.targets.length]!;
          return {
            ...request,
            method: "POST",
            path: target.path,
            headers: { ...target.headers, "content-type": "application/json" },
            body: body(target),
          };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat?.count ?? 0]),
  );
  return {
    mode: "autocannon",
    requests: result["2xx"] + result.non2xx,
    durationSeconds: result.duration,
    reqPerSec: round((result["2xx"] + result.non2xx) / result.duration),
    ok2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.mean),
    },
    statusCodes,
  };
}

async function runPaced(plan: LoadPlan): Promise<LoadResult> {
  const rate = plan.rate ?? 1000;
  const body = upsertBodies({ contacts: plan.contacts, seed: plan.seed, runTag: plan.runTag });
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  let unanswered = 0;
  const outstanding = new Set<number>();
  const durationMs = plan.durationSeconds * 1000;
  const started = performance.now();

  const fire = (intendedAt: number) => {
    const target = plan.targets[sent % plan.targets.length]!;
    const payload = Buffer.from(body(target));
    inFlight++;
    outstanding.add(intendedAt);
    const request = http.request(
      {
        host: plan.host,
        port: plan.port,
        path: target.path,
        method: "POST",
        agent,
        headers: { ...target.headers, "content-type": "application/json", "content-length": payload.length },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          inFlight--;
          outstanding.delete(intendedAt);
          latencies.push(performance.now() - intendedAt);
          const code = String(response.statusCode ?? 0);
          statusCodes[code] = (statusCodes[code] ?? 0) + 1;
        });
      },
    );
    request.on("error", () => {
      if (unanswered) return;
      inFlight--;
      outstanding.delete(intendedAt);
      errors++;
    });
    request.end(payload);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - started;
      if (elapsed >= durationMs) {
        // An overloaded server leaves requests queued: give them a grace period, then count the rest as errors.
        const giveUpAt = performance.now() + GRACE_MS;
        const drain = () => {
          if (inFlight === 0) return resolve();
          if (performance.now() > giveUpAt) {
            unanswered = inFlight;
            // Counted at the latency they had reached, so percentiles do not flatter an overloaded server.
            const now = performance.now();
            for (const intendedAt of outstanding) latencies.push(now - intendedAt);
            agent.destroy();
            return resolve();
          }
          setTimeout(drain, 5);
        };
        return drain();
      }
      const due = Math.floor((elapsed * rate) / 1000);
      while (sent < due) {
        fire(started + (sent * 1000) / rate);
        sent++;
      }
      setTimeout(tick, 1);
    };
    tick();
  });
  const finished = performance.now();
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const ok2xx = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith("2"))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    mode: "paced",
    requests: latencies.length - unanswered,
    durationSeconds: round((finished - started) / 1000),
    reqPerSec: round((latencies.length - unanswered) / ((finished - started) / 1000)),
    ok2xx,
    non2xx: latencies.length - unanswered - ok2xx,
    errors: errors + unanswered,
    timeouts: unanswered,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
    },
    statusCodes,
  };
}

process.once("message", (plan: LoadPlan) => {
  (plan.mode === "paced" ? runPaced(plan) : runAutocannon(plan)).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
