import "server-only";
import { requestClientIp } from "../auth/client-ip";
import { getSessionIdentity } from "../auth/session";
import type { TrpcContext } from "./trpc";

/** The tRPC context of a Next request: the session's identity, the id server.ts gave the request and the caller's address. */
export async function createRequestContext(headers: Headers): Promise<TrpcContext> {
  return {
    identity: await getSessionIdentity(),
    requestId: headers.get("x-request-id") ?? "",
    clientIp: requestClientIp(headers),
  };
}
