import { env } from "../../env";

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's address. X-Forwarded-For is only believed behind a trusted proxy; otherwise the
 * server sets x-mirage-remote-addr from the socket (see server.ts) and nothing else is trusted.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return header(headers, "x-mirage-remote-addr") ?? "unknown";
}

/** The caller's address under this deployment's proxy setting (TRUST_PROXY). */
export function requestClientIp(headers: Headers): string {
  return clientIp(headers, env().TRUST_PROXY);
}
