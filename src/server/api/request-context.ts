import "server-only";
import { requestIp } from "../auth/request-ip";
import { getSessionIdentity } from "../auth/session";
import type { TrpcContext } from "./trpc";

/** The tRPC context of a Next request: the session's identity, the caller's address and the request's id. */
export async function createRequestContext(headers: Headers): Promise<TrpcContext> {
  return {
    identity: await getSessionIdentity(),
    requestId: headers.get("x-request-id") ?? "",
    ip: requestIp(headers),
  };
}
