import "./src/server/observability/start-web-tracing";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { ConfigError, env } from "./src/env";
import { identityFromCookieHeader } from "./src/server/auth/cookie-identity";
import { createNonce, securityHeaders } from "./src/server/auth/security-headers";
import { closeConnections } from "./src/server/close-connections";
import { recordProcessFailures } from "./src/server/domain/errors/record-process-failures";
import { resolveActor } from "./src/server/domain/members/resolve-actor";
import { startProfileRunner } from "./src/server/domain/profiling/start-profile-runner";
import { logger, withLogContext } from "./src/server/logger";
import { metrics, routeLabel } from "./src/server/observability/metrics";
import { stopTracing } from "./src/server/observability/start-tracing";
import { attachSocketServer } from "./src/server/realtime/socket-server";

process.env.MIRAGE_PROCESS ??= "web";
recordProcessFailures("web");

/** One Node entry: Next's request handler and Socket.IO on the same http server and origin. */
async function main() {
  const settings = env();
  const dev = process.argv.includes("--dev");
  const app = next({ dev, hostname: "localhost", port: settings.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  const httpServer = createServer((req, res) => {
    const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) || randomUUID();
    req.headers["x-request-id"] = requestId;
    // Only the socket's address is trusted for rate limits; a client-sent value is dropped.
    req.headers["x-mirage-remote-addr"] = req.socket.remoteAddress ?? "unknown";
    res.setHeader("x-request-id", requestId);
    // Next reads the nonce from the request's CSP header and puts it on every script it renders.
    const nonce = createNonce();
    const headers = securityHeaders({
      nonce,
      dev,
      https: settings.APP_URL.startsWith("https://"),
      hstsMaxAgeSeconds: settings.HSTS_MAX_AGE_SECONDS,
    });
    req.headers["content-security-policy"] = headers["content-security-policy"];
    req.headers["x-nonce"] = nonce;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const started = performance.now();
    res.on("finish", () => {
      const pathname = (req.url ?? "/").split("?")[0]!;
      // Unmatched paths are folded into one label: any URL must not mint a new series.
      const route = res.statusCode === 404 ? "unmatched" : routeLabel(pathname);
      metrics().httpRequests.inc({ method: req.method ?? "GET", route, status: String(res.statusCode) });
      metrics().httpDuration.observe({ method: req.method ?? "GET", route }, (performance.now() - started) / 1000);
    });
    void withLogContext({ requestId }, () => handle(req, res));
  });

  const realtime = attachSocketServer({
    httpServer,
    databaseUrl: settings.DATABASE_URL,
    authenticate: async (cookieHeader) => {
      const identity = await identityFromCookieHeader(cookieHeader);
      if (!identity) return null;
      const actor = await resolveActor(identity.userId, identity.organizationId);
      // Same rule as requireActor: a member who must enrol in two-factor sign-in or accept the terms gets no live data yet.
      return actor && !actor.mustEnrolTwoFactor && !actor.mustAcceptTerms ? identity : null;
    },
  });
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new ConfigError(`Port ${settings.PORT} is in use. Stop what uses it or set PORT to a free port.`)
          : error,
      ),
    );
    httpServer.listen(settings.PORT, settings.HOST, resolve);
  });
  logger.info({ url: settings.APP_URL, dev }, "web server ready");
  const profiler = startProfileRunner("web");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "web server stopping");
    // Same bound as the supervisor's (scripts/stop-processes.ts), for a web server run on its own.
    const forced = setTimeout(() => process.exit(1), settings.SHUTDOWN_GRACE_SECONDS * 1000);
    forced.unref();
    await profiler.stop().catch(() => undefined);
    await realtime.close().catch(() => undefined);
    await new Promise((resolve) => httpServer.close(resolve));
    await app.close().catch(() => undefined);
    await closeConnections();
    await stopTracing().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(`mirage web: ${error.message}`);
  else logger.fatal({ err: error }, "web server failed to start");
  process.exit(1);
});
