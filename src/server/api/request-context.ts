import "server-only";
import { getSessionIdentity } from "../auth/session";
import type { TrpcContext } from "./trpc";

/** The tRPC context of a Next request: the session's identity and the id server.ts gave the request. */
export async function createRequestContext(headers: Headers): Promise<TrpcContext> {
  return { identity: await getSessionIdentity(), requestId: headers.get("x-request-id") ?? "" };
}
