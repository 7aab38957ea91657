import { env } from "../../env";
import { clientIp } from "./client-ip";

/** The caller's address of a request, under this deployment's TRUST_PROXY setting. */
export function requestIp(headers: Headers): string {
  return clientIp(headers, env().TRUST_PROXY);
}
