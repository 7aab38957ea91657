import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { NOT_A_MEMBER, TERMS_ACCEPTANCE_REQUIRED, TWO_FACTOR_ENROLMENT_REQUIRED } from "~/server/auth/require-actor";
import { createRequestContext } from "~/server/api/request-context";
import { createCaller } from "~/server/api/root";
import { AppError } from "~/server/errors";

/** One context per request: the session is read once however many calls a layout and page make. */
const createContext = cache(async () => createRequestContext(await headers()));

/**
 * A session whose membership is gone signs out; one without a session signs in; a member who must enrol in
 * the second factor their organization requires goes to their account page, and one who has not accepted
 * the current terms goes to accept them. Anything else is an error.
 */
function redirectWhenSignedOut(error: TRPCError): void {
  if (error.code === "UNAUTHORIZED") redirect("/sign-in");
  if (error.cause instanceof AppError && error.cause.details?.reason === NOT_A_MEMBER) redirect("/api/auth/signout");
  if (error.cause instanceof AppError && error.cause.details?.reason === TWO_FACTOR_ENROLMENT_REQUIRED) {
    redirect("/account");
  }
  if (error.cause instanceof AppError && error.cause.details?.reason === TERMS_ACCEPTANCE_REQUIRED)
    redirect("/accept-terms");
}

/**
 * The tRPC caller for server components (create-t3-app's idiom): the same procedures, access checks
 * and output schemas the browser goes through. `redirect` throws, and tRPC rethrows what `onError` throws.
 */
export const api = createCaller(createContext, { onError: ({ error }) => redirectWhenSignedOut(error) });

/** For the sign-in page only: whether a session exists (membership is checked where it matters). */
export async function hasSession(): Promise<boolean> {
  return (await createContext()).identity !== null;
}
