import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "../shared/zod";
import { AppError, errorTransport, MASKED_REASON, toPublicError, toTrpcError } from "./errors";

describe("errors", () => {
  it("maps every code once to a tRPC code and an HTTP status", () => {
    expect(toTrpcError(new AppError("NOT_FOUND", "memberNotFound")).code).toBe("NOT_FOUND");
    expect(toTrpcError(new AppError("RATE_LIMITED", "signInRateLimited")).code).toBe("TOO_MANY_REQUESTS");
    expect(errorTransport.FORBIDDEN.http).toBe(403);
  });

  it("keeps whatever was thrown as the cause of an internal error, for the log", () => {
    const thrown = toTrpcError({ msBeforeNext: 1200, remainingPoints: 0 });
    expect(thrown.code).toBe("INTERNAL_SERVER_ERROR");
    expect(thrown.message).toBe(MASKED_REASON);
    expect(thrown.cause).toMatchObject({ msBeforeNext: 1200 });
    expect(toTrpcError(new TypeError("boom")).cause).toBeInstanceOf(TypeError);
    // Still masked for the client.
    expect(toPublicError(thrown).reason).toBe(MASKED_REASON);
  });

  it("publishes reason codes with their params and masks internal ones", () => {
    expect(
      toPublicError(new AppError("CONFLICT", "campaignActionNotAllowed", { params: { action: "pause" } })),
    ).toEqual({ code: "CONFLICT", status: 409, reason: "campaignActionNotAllowed", params: { action: "pause" } });
    expect(toPublicError(new AppError("INTERNAL", "internal", { params: { secret: "postgres://secret" } }))).toEqual({
      code: "INTERNAL",
      status: 500,
      reason: MASKED_REASON,
    });
    expect(toPublicError(new Error("boom: stack details"))).toEqual({
      code: "INTERNAL",
      status: 500,
      reason: MASKED_REASON,
    });
    expect(toPublicError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "db password" })).reason).toBe(
      MASKED_REASON,
    );
    expect(toPublicError(new TRPCError({ code: "NOT_FOUND", message: "No procedure found" })).reason).toBe("notFound");
    // tRPC's own client-side refusals outside the table stay 4xx (a query POSTed was answered 500).
    expect(toPublicError(new TRPCError({ code: "METHOD_NOT_SUPPORTED" }))).toEqual({
      code: "BAD_REQUEST",
      status: 405,
      reason: "badRequest",
    });
    expect(toPublicError(new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE" })).status).toBe(415);
    expect(toPublicError(new TRPCError({ code: "GATEWAY_TIMEOUT" })).status).toBe(500);
  });

  it("turns zod failures into field issues as codes with params, never zod's sentences", () => {
    const parsed = z
      .object({ email: z.email(), name: z.string().min(2), tags: z.array(z.string()).max(1, { error: "variantsMax" }) })
      .safeParse({ email: "x", name: "", tags: ["a", "b"] });
    const published = toPublicError(parsed.error);
    expect(published).toMatchObject({ code: "VALIDATION", status: 422, reason: "checkFields" });
    expect(published.fieldErrors).toEqual({
      email: [{ reason: "invalid_format", params: { format: "email" } }],
      name: [{ reason: "too_small", params: { origin: "string", minimum: 2 } }],
      // A schema's own reason replaces zod's wording; the numbers stay for the UI.
      tags: [{ reason: "variantsMax", params: { origin: "array", maximum: 1 } }],
    });
  });
});
