import type { NodeClient, Scope } from "@sentry/node";
import { env } from "../../../env";
import { logger } from "../../logger";
import { errorRelease } from "./error-release";
import type { ErrorContext } from "./sanitize-error-text";

export interface ForwardedError {
  source: string;
  errorName: string;
  message: string;
  stack: string;
  release: string;
  traceId: string | null;
  organizationId: string | null;
  fingerprint: string;
  context: ErrorContext;
}

const globalForSentry = globalThis as typeof globalThis & {
  mirageSentry?: Promise<{ client: NodeClient; scope: Scope } | null>;
};

/**
 * A Sentry client of our own, not `Sentry.init`: no global handlers, no OpenTelemetry of its own (the
 * process has one), no default integrations collecting request data. It only sends what `recordError`
 * already sanitized. Loaded only when SENTRY_DSN is set.
 */
function sentry(): Promise<{ client: NodeClient; scope: Scope } | null> {
  globalForSentry.mirageSentry ??= (async () => {
    const dsn = env().SENTRY_DSN;
    if (!dsn) return null;
    const { NodeClient, Scope, defaultStackParser, makeNodeTransport } = await import("@sentry/node");
    const client = new NodeClient({
      dsn,
      environment: env().NODE_ENV,
      release: errorRelease(),
      transport: makeNodeTransport,
      stackParser: defaultStackParser,
      integrations: [],
      sendDefaultPii: false,
    });
    const scope = new Scope();
    scope.setClient(client);
    client.init();
    return { client, scope };
  })();
  return globalForSentry.mirageSentry;
}

/** Sends one recorded error to the Sentry-compatible DSN (Sentry, GlitchTip…) when one is set; never throws. */
export async function forwardToSentry(error: ForwardedError): Promise<void> {
  try {
    const target = await sentry();
    if (!target) return;
    const exception = Object.assign(new Error(error.message), { name: error.errorName, stack: error.stack });
    const scope = target.scope.clone();
    scope.setTags({ source: error.source, ...(error.organizationId ? { organization_id: error.organizationId } : {}) });
    scope.setContext("mirage", { ...error.context, trace_id: error.traceId });
    scope.setFingerprint([error.fingerprint]);
    target.client.captureException(exception, { syntheticException: exception }, scope);
  } catch (failure) {
    logger.warn({ err: failure }, "error not forwarded to Sentry");
  }
}

/** Waits for forwarded errors to leave (tests, and a process about to exit). */
export async function flushSentry(timeoutMs = 2_000): Promise<void> {
  const target = await globalForSentry.mirageSentry;
  await target?.client.flush(timeoutMs);
}
