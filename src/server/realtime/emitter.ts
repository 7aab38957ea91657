import pg from "pg";
import { env } from "../../env";
import { logger } from "../logger";
import { withSpan } from "../observability/trace";
import { organizationRoom, type RealtimeEventName, type RealtimeEventPayload } from "../../shared/realtime";

/**
 * Emits to browsers from any process (web or worker) through Postgres NOTIFY, in the message format
 * of @socket.io/postgres-adapter 0.5, which every web process listens with. (@socket.io/postgres-emitter
 * 0.1.1 omits the `nsp` field that adapter 0.5 routes on, so its broadcasts are silently dropped.)
 */
const CHANNEL = "socket.io#/";
const EMITTER_UID = "emitter";
const BROADCAST = 3;
const DISCONNECT_SOCKETS = 6;
const SOCKET_IO_EVENT_PACKET = 2;
/** NOTIFY payloads are limited to 8000 bytes; events carry ids, never documents. */
const MAX_PAYLOAD_BYTES = 7900;

const globalForEmitter = globalThis as typeof globalThis & { mirageEmitterPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForEmitter.mirageEmitterPool) {
    const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, application_name: "mirage-emitter" });
    created.on("error", (error) => logger.warn({ err: error }, "emitter connection lost"));
    globalForEmitter.mirageEmitterPool = created;
  }
  return globalForEmitter.mirageEmitterPool;
}

export function broadcastMessage(room: string, event: string, payload: unknown): string {
  return JSON.stringify({
    uid: EMITTER_UID,
    nsp: "/",
    type: BROADCAST,
    data: {
      packet: { type: SOCKET_IO_EVENT_PACKET, data: [event, payload], nsp: "/" },
      opts: { rooms: [room], except: [], flags: {} },
    },
  });
}

/** Sends an event to every connected member of one organization. Call after the data is committed. */
export async function emitToOrganization<Name extends RealtimeEventName>(
  organizationId: string,
  event: Name,
  payload: RealtimeEventPayload<Name>,
): Promise<void> {
  const message = broadcastMessage(organizationRoom(organizationId), event, payload);
  if (Buffer.byteLength(message) > MAX_PAYLOAD_BYTES) {
    throw new Error(`Realtime event ${event} is too large for NOTIFY; send ids and let the browser refetch`);
  }
  await withSpan(`emit ${event}`, { organizationId }, () =>
    pool().query("SELECT pg_notify($1, $2)", [CHANNEL, message]),
  );
}

/** Closes every socket in a room, in every web process (the adapter's DISCONNECT_SOCKETS message). */
export async function disconnectRoom(room: string): Promise<void> {
  const message = JSON.stringify({
    uid: EMITTER_UID,
    nsp: "/",
    type: DISCONNECT_SOCKETS,
    data: { opts: { rooms: [room], except: [], flags: {} }, close: true },
  });
  await pool().query("SELECT pg_notify($1, $2)", [CHANNEL, message]);
}

export async function closeEmitter(): Promise<void> {
  await globalForEmitter.mirageEmitterPool?.end();
  globalForEmitter.mirageEmitterPool = undefined;
}
