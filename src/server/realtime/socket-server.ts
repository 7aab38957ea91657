import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { Server } from "socket.io";
import { organizationRoom, sessionRoom, type ServerToClientEvents } from "../../shared/realtime";
import { logger } from "../logger";

/** Resolves the organization a connecting browser may listen to, or null to refuse it. */
export type SocketAuthenticator = (
  cookieHeader: string | undefined,
) => Promise<{ userId: string; organizationId: string; sessionId?: string } | null>;

/**
 * Socket.IO on the web server's own http server (same origin, so the session cookie comes along).
 * The Postgres adapter shares broadcasts between web processes; sockets join their organization's room.
 */
export function attachSocketServer(options: {
  httpServer: HttpServer;
  databaseUrl: string;
  authenticate: SocketAuthenticator;
}): { io: Server<Record<string, never>, ServerToClientEvents>; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 3, application_name: "mirage-socketio" });
  pool.on("error", (error) => logger.warn({ err: error }, "socket.io pool error"));
  const io = new Server<Record<string, never>, ServerToClientEvents>(options.httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Upgrades for other paths (Next dev HMR) are handed to Next in server.ts.
    destroyUpgrade: false,
    adapter: createAdapter(pool, { errorHandler: (error) => logger.warn({ err: error }, "socket.io adapter error") }),
  });

  io.use(async (socket, next) => {
    try {
      const identity = await options.authenticate(socket.request.headers.cookie);
      if (!identity) return next(new Error("unauthorized"));
      socket.data.identity = identity;
      next();
    } catch (error) {
      logger.error({ err: error }, "socket authentication failed");
      next(new Error("unavailable"));
    }
  });

  io.on("connection", (socket) => {
    const { organizationId, sessionId } = socket.data.identity as { organizationId: string; sessionId?: string };
    void socket.join(organizationRoom(organizationId));
    // Revoking the session (or removing the member) closes this socket through its session room.
    if (sessionId) void socket.join(sessionRoom(sessionId));
  });

  return {
    io,
    close: async () => {
      await io.close();
      await pool.end();
    },
  };
}
