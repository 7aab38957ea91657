import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { requireActor } from "../auth/require-actor";
import type { SessionIdentity } from "../auth/session-identity";
import { recordError } from "../domain/errors/record-error";
import { isAdminRole } from "../domain/members/roles";
import { consumeApiRateLimit } from "../domain/rate-limits/api-rate-limit";
import { consumePublicRateLimit } from "../domain/rate-limits/public-rate-limit";
import { AppError, toPublicError, toTrpcError } from "../errors";
import { logger } from "../logger";
import { retryAfterOf } from "./retry-after";

export interface TrpcContext {
  identity: SessionIdentity | null;
  requestId: string;
  /** The caller's address (see client-ip.ts), counted by the public-route limit; absent for callers built in-process. */
  clientIp?: string;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  // The one place errors leave the API: codes with parameters (the browser words them), 5xx masked.
  errorFormatter({ shape, error }) {
    const published = toPublicError(error);
    return {
      ...shape,
      message: published.reason,
      data: {
        code: shape.data.code,
        httpStatus: published.status,
        appCode: published.code,
        reason: published.reason,
        params: published.params ?? null,
        fieldErrors: published.fieldErrors ?? null,
        retryAfterSeconds: retryAfterOf([error]),
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  if (!result.ok) {
    const published = toPublicError(result.error);
    const log = published.status >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
    log(
      {
        path,
        type,
        code: published.code,
        err: result.error.cause ?? result.error,
        ms: Math.round(performance.now() - started),
      },
      "trpc error",
    );
    // What the caller could not have caused is tracked (Configurações → Erros).
    if (published.status >= 500) {
      await recordError({
        source: "web",
        error: result.error.cause ?? result.error,
        organizationId: ctx.identity?.organizationId ?? null,
        context: { procedure: path, type },
      });
    }
  }
  return result;
});

/** Gives AppErrors thrown by domain code their transport code (tRPC wraps them as INTERNAL). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTrpcError(result.error.cause);
  if (!result.ok && (result.error.cause as { code?: unknown } | undefined)?.code === "P2002") {
    throw toTrpcError(new AppError("CONFLICT", "duplicateRecord", { cause: result.error.cause }));
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorBoundary).use(mapErrors);

/**
 * Open without a session (invitation and reset links, "forgot my password"): each call counts against the
 * caller address's public-route limit, the same one sign-in uses.
 */
export const linkProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await consumePublicRateLimit(ctx.clientIp ?? "unknown").catch((error: unknown) => {
    throw toTrpcError(error);
  });
  return next();
});

export const authenticatedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.identity) throw toTrpcError(new AppError("UNAUTHENTICATED", "signInRequired"));
  return next({ ctx: { identity: ctx.identity } });
});

/**
 * Signed in and a current member of the session's organization: `ctx.actor` scopes every call. The
 * check is `requireActor`, the same one route handlers go through (`memberRoute`). Each call counts against
 * the member's per-organization rate limit.
 */
function memberProcedure(options: { allowWithoutTwoFactor: boolean; allowWithoutTerms?: boolean }) {
  return authenticatedProcedure.use(async ({ ctx, next }) => {
    const actor = await requireActor(ctx.identity, options).catch((error: unknown) => {
      throw toTrpcError(error);
    });
    await consumeApiRateLimit(actor).catch((error: unknown) => {
      throw toTrpcError(error);
    });
    return next({ ctx: { actor } });
  });
}

export const organizationProcedure = memberProcedure({ allowWithoutTwoFactor: false });

/**
 * Like `organizationProcedure`, but open to a member who has yet to set up the two-factor sign-in their
 * organization requires: only for the calls enrolment needs (their account, the enrolment itself).
 */
export const enrolmentProcedure = memberProcedure({ allowWithoutTwoFactor: true, allowWithoutTerms: true });

/**
 * Open to a member who has yet to accept the current terms: only what the acceptance page needs. Also before
 * two-factor enrolment, so that the acceptance page and the enrolment page never send a member to each other.
 */
export const termsGateProcedure = memberProcedure({ allowWithoutTwoFactor: true, allowWithoutTerms: true });

export const adminProcedure = organizationProcedure.use(async ({ ctx, next }) => {
  if (!isAdminRole(ctx.actor.role)) {
    throw toTrpcError(new AppError("FORBIDDEN", "adminsOnly"));
  }
  return next();
});
