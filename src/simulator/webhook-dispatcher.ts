/**
 * Webhook delivery as Evolution 2.3.x does it (`webhook.controller.ts` `retryWebhookRequest`): one independent POST
 * per event with a per-attempt timeout, exponential backoff with ±20 % jitter (never below the initial delay), no
 * retry on 400/401/403/404/422, retries only in memory. Control switches add duplicates, reordering and pausing.
 */
import http from "node:http";
import https from "node:https";
import type { Timers } from "./timers.ts";

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
  timeoutMs: number;
}

export interface Delivery {
  instance: string;
  event: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryAttempt {
  event: string;
  instance: string;
  url: string;
  attempt: number;
  /** The HTTP status, or the network error (code or message) when there was no response. */
  status: number | string;
  at: string;
}

export interface DeliveryBehaviour {
  duplicates: boolean;
  reorder: boolean;
  paused: boolean;
  /** Deliveries are dropped, as if the instance had no webhook (benchmarks measure sending alone). */
  off: boolean;
}

const NON_RETRYABLE_STATUSES = new Set([400, 401, 403, 404, 422]);
const ATTEMPT_LOG_LIMIT = 1000;
/** What axios sends unless the webhook's custom headers override it. */
const AXIOS_DEFAULT_HEADERS: Record<string, string> = {
  Accept: "application/json, text/plain, */*",
  "Content-Type": "application/json",
  "User-Agent": "axios/1.12.2",
  "Accept-Encoding": "gzip, compress, deflate, br",
};

const defaultBehaviour = (): DeliveryBehaviour => ({ duplicates: false, reorder: false, paused: false, off: false });

export class WebhookDispatcher {
  private behaviour = defaultBehaviour();
  private readonly held: Delivery[] = [];
  private readonly attempts: DeliveryAttempt[] = [];
  private readonly inFlight = new Set<http.ClientRequest>();
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  /** Bumped by reset and close, so retry loops started before them give up. */
  private generation = 0;
  private closed = false;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly timers: Timers,
  ) {}

  deliver(delivery: Delivery): void {
    if (this.closed || this.behaviour.off) return;
    const copies = this.behaviour.duplicates ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      if (this.behaviour.paused) this.held.push(delivery);
      else this.start(delivery);
    }
  }

  configure(change: Partial<DeliveryBehaviour>): DeliveryBehaviour {
    this.behaviour = { ...this.behaviour, ...change };
    if (!this.behaviour.paused) for (const delivery of this.held.splice(0)) this.start(delivery);
    return { ...this.behaviour };
  }

  recentAttempts(limit: number): DeliveryAttempt[] {
    return this.attempts.slice(-limit);
  }

  /** Forgets held deliveries, the attempt log and the switches; in-flight requests are aborted. */
  reset(): void {
    this.generation++;
    this.held.length = 0;
    this.attempts.length = 0;
    this.behaviour = defaultBehaviour();
    for (const request of this.inFlight) request.destroy();
  }

  close(): void {
    this.closed = true;
    this.reset();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private start(delivery: Delivery): void {
    if (!this.behaviour.reorder) {
      void this.run(delivery);
      return;
    }
    this.timers.after(100 + Math.random() * 200, () => void this.run(delivery));
  }

  private async run(delivery: Delivery): Promise<void> {
    const generation = this.generation;
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      const at = new Date().toISOString();
      const status = await this.post(delivery);
      if (generation !== this.generation) return;
      this.record({ event: delivery.event, instance: delivery.instance, url: delivery.url, attempt, status, at });
      if (typeof status === "number" && (status < 300 || NON_RETRYABLE_STATUSES.has(status))) return;
      if (attempt === this.policy.maxAttempts) return;
      try {
        await this.timers.sleep(this.backoffMs(attempt));
      } catch {
        return;
      }
      if (generation !== this.generation) return;
    }
  }

  private backoffMs(failedAttempts: number): number {
    const nominal = Math.min(this.policy.baseMs * 2 ** (failedAttempts - 1), this.policy.maxMs);
    const jitter = nominal * 0.2 * (Math.random() * 2 - 1);
    return Math.max(this.policy.baseMs, nominal + jitter);
  }

  private post(delivery: Delivery): Promise<number | string> {
    return new Promise((resolve) => {
      const headers = new Map<string, [string, string]>();
      for (const [name, value] of Object.entries({ ...AXIOS_DEFAULT_HEADERS, ...delivery.headers })) {
        headers.set(name.toLowerCase(), [name, value]);
      }
      headers.set("content-length", ["Content-Length", String(Buffer.byteLength(delivery.body))]);

      let request: http.ClientRequest;
      try {
        const url = new URL(delivery.url);
        const secure = url.protocol === "https:";
        request = (secure ? https : http).request(url, {
          method: "POST",
          headers: Object.fromEntries(headers.values()),
          agent: secure ? this.agents.https : this.agents.http,
          timeout: this.policy.timeoutMs,
        });
      } catch (error) {
        resolve(error instanceof Error ? error.message : String(error));
        return;
      }
      this.inFlight.add(request);
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", (error) => resolve(error.message));
      });
      request.on("timeout", () => request.destroy(new Error(`timeout of ${this.policy.timeoutMs}ms exceeded`)));
      request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      request.on("close", () => {
        this.inFlight.delete(request);
        resolve("aborted");
      });
      request.end(delivery.body);
    });
  }

  private record(attempt: DeliveryAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > ATTEMPT_LOG_LIMIT) this.attempts.splice(0, this.attempts.length - ATTEMPT_LOG_LIMIT);
  }
}
