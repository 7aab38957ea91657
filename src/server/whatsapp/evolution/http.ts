import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import type { z } from "../../../shared/zod";
import { CircuitOpenError, type CircuitBreaker } from "../circuit-breaker";
import type { ProviderServer } from "./server";
import {
  errorFromFailedAck,
  errorFromStatus,
  transportError,
  unexpectedResponse,
  type RequestDescription,
} from "./errors";

export interface EvolutionRequest<T> {
  method: "GET" | "POST" | "DELETE";
  /** Path from the server's base URL, instance name already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /**
   * Safe to repeat when the outcome is unknown. Only these are retried: a send or a create that timed
   * out may already have happened, and repeating it would message someone twice.
   */
  idempotent: boolean;
  timeoutMs?: number;
  response: z.ZodType<T>;
}

export interface EvolutionHttpOptions {
  breaker: CircuitBreaker;
  timeoutMs: number;
  /** Extra attempts for idempotent requests after a transport failure. */
  retries: number;
  /** First backoff ceiling; doubles per retry, and each wait is drawn uniformly below it (full jitter). */
  backoffBaseMs: number;
  fetch: typeof fetch;
}

export type EvolutionHttp = <T>(server: ProviderServer, request: EvolutionRequest<T>) => Promise<T>;

const MAX_BACKOFF_MS = 5_000;

const log = logger.child({ module: "evolution-http" });

function urlOf(server: ProviderServer, request: EvolutionRequest<unknown>): string {
  // Concatenated, not `new URL(path, base)`: a base URL behind a proxy may carry its own path prefix.
  const url = new URL(server.baseUrl.replace(/\/+$/, "") + request.path);
  // Paths are built from constants and encoded instance names; this keeps every call on the configured host
  // should one ever carry something else (SSRF).
  if (url.origin !== new URL(server.baseUrl).origin || !request.path.startsWith("/")) {
    throw new Error(`Evolution request ${request.path.slice(0, 100)} leaves ${new URL(server.baseUrl).origin}`);
  }
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

const NOT_JSON = Symbol("not JSON");

function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** `connect` and `restart` report failures as 200 `{error: true, message}`. */
function isFailedAck(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { error?: unknown }).error === true;
}

/** One request to one Evolution server, through its circuit breaker, with retries for idempotent calls. */
export function createEvolutionHttp(options: EvolutionHttpOptions): EvolutionHttp {
  async function attempt(server: ProviderServer, request: EvolutionRequest<unknown>): Promise<unknown> {
    const description: RequestDescription = { method: request.method, path: request.path };
    const startedAt = performance.now();
    let status: number;
    let text: string;
    try {
      const response = await options.fetch(urlOf(server, request), {
        method: request.method,
        headers: {
          apikey: server.apiKey,
          accept: "application/json",
          ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        // Evolution answers in place; a redirect could point the apikey and the request at another host.
        redirect: "error",
        signal: AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw transportError(error, description);
    }
    log.debug(
      { serverId: server.id, ...description, status, ms: Math.round(performance.now() - startedAt) },
      "Evolution API call",
    );
    const body = parseJson(text);
    if (status < 200 || status >= 300) throw errorFromStatus(status, body === NOT_JSON ? text : body, description);
    if (body === NOT_JSON) throw unexpectedResponse({ status, body: text.slice(0, 500) }, description);
    if (isFailedAck(body)) throw errorFromFailedAck(body, description);
    return body;
  }

  function isRetryable(request: EvolutionRequest<unknown>, error: unknown): boolean {
    return (
      request.idempotent &&
      error instanceof AppError &&
      error.code === "UPSTREAM_UNAVAILABLE" &&
      !(error instanceof CircuitOpenError)
    );
  }

  return async function callEvolution<T>(server: ProviderServer, request: EvolutionRequest<T>): Promise<T> {
    let body: unknown;
    for (let retry = 0; ; retry++) {
      try {
        body = await options.breaker.run(server.id, () => attempt(server, request));
        break;
      } catch (error) {
        if (retry >= options.retries || !isRetryable(request, error)) throw error;
        const waitMs = Math.random() * Math.min(MAX_BACKOFF_MS, options.backoffBaseMs * 2 ** retry);
        log.warn(
          { serverId: server.id, retry: retry + 1, waitMs: Math.round(waitMs), details: (error as AppError).details },
          "Evolution API call failed; retrying",
        );
        await sleep(waitMs);
      }
    }
    const parsed = request.response.safeParse(body);
    if (!parsed.success) {
      throw unexpectedResponse(parsed.error.issues.slice(0, 5), { method: request.method, path: request.path });
    }
    return parsed.data;
  };
}
