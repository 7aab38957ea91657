import { Emitter } from "@socket.io/postgres-emitter";
import pg from "pg";
import { env } from "../../env";
import { organizationRoom, type RealtimeEventName, type RealtimeEventPayload } from "../../shared/realtime";

const globalForEmitter = globalThis as unknown as { mirageEmitter?: { emitter: Emitter; pool: pg.Pool } };

// Any process (web or worker) emits through Postgres NOTIFY; every web process's Socket.IO adapter
// hears it and delivers to its own connected sockets.
function emitter(): Emitter {
  if (!globalForEmitter.mirageEmitter) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, application_name: "mirage-emitter" });
    pool.on("error", () => undefined);
    globalForEmitter.mirageEmitter = { emitter: new Emitter(pool), pool };
  }
  return globalForEmitter.mirageEmitter.emitter;
}

/** Sends an event to every connected member of one organization. Call after the data is committed. */
export function emitToOrganization<Name extends RealtimeEventName>(
  organizationId: string,
  event: Name,
  payload: RealtimeEventPayload<Name>,
): void {
  emitter().to(organizationRoom(organizationId)).emit(event, payload);
}

export async function closeEmitter(): Promise<void> {
  await globalForEmitter.mirageEmitter?.pool.end();
  globalForEmitter.mirageEmitter = undefined;
}
