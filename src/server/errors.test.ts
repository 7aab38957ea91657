import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "../shared/zod";
import { AppError, errorTransport, MASKED_MESSAGE, toPublicError, toTrpcError } from "./errors";

describe("errors", () => {
  it("maps every code once to a tRPC code and an HTTP status", () => {
    expect(toTrpcError(new AppError("NOT_FOUND", "Membro não encontrado.")).code).toBe("NOT_FOUND");
    expect(toTrpcError(new AppError("RATE_LIMITED", "x")).code).toBe("TOO_MANY_REQUESTS");
    expect(errorTransport.FORBIDDEN.http).toBe(403);
  });

  it("keeps messages written for people and masks internal ones", () => {
    expect(toPublicError(new AppError("UPSTREAM_UNAVAILABLE", "A Evolution API está indisponível."))).toMatchObject({
      status: 503,
      message: "A Evolution API está indisponível.",
    });
    expect(toPublicError(new AppError("CONFLICT", "Já existe."))).toMatchObject({ status: 409, message: "Já existe." });
    expect(toPublicError(new AppError("INTERNAL", "connection string postgres://secret"))).toMatchObject({
      status: 500,
      message: MASKED_MESSAGE,
    });
    expect(toPublicError(new Error("boom: stack details"))).toMatchObject({ status: 500, message: MASKED_MESSAGE });
    expect(toPublicError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "db password" })).message).toBe(
      MASKED_MESSAGE,
    );
  });

  it("turns zod failures into Portuguese field errors", () => {
    const parsed = z.object({ email: z.email(), name: z.string().min(2) }).safeParse({ email: "x", name: "" });
    const published = toPublicError(parsed.error);
    expect(published.code).toBe("VALIDATION");
    expect(Object.keys(published.fieldErrors!).sort()).toEqual(["email", "name"]);
    expect(published.fieldErrors!.email![0]).toMatch(/inválid/i);
  });
});
