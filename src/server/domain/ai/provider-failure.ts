import { APIConnectionTimeoutError, APIError } from "openai";
import type { z } from "../../../shared/zod";
import type { testAiProviderOutput } from "./ai-outputs";
import { isProviderAddressBlocked } from "./provider-address-guard";

export type ProviderFailure = Extract<z.infer<typeof testAiProviderOutput>, { ok: false }>["failure"];

/** A failed provider call as a code (and the HTTP status when there was one). */
export function providerFailureOf(error: unknown): { failure: ProviderFailure; status: number | null } {
  if (isProviderAddressBlocked(error)) return { failure: "blocked_address", status: null };
  if (error instanceof APIConnectionTimeoutError) return { failure: "timeout", status: null };
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    if (status === 401 || status === 403) return { failure: "unauthorized", status };
    if (status === 429) return { failure: "rate_limited", status };
    return { failure: "http_error", status };
  }
  if (error instanceof APIError) return { failure: "unreachable", status: null };
  return { failure: "invalid_answer", status: null };
}
