import { disconnectDb } from "./db/client";
import { stopSenderBoss } from "./jobs/enqueue";
import { closeEmitter } from "./realtime/emitter";

/**
 * Ends every database connection this process opened on demand (pg-boss for enqueueing, the realtime
 * emitter, Prisma's pool). Left open, their timers keep the process alive and retry a stopped Postgres.
 */
export async function closeConnections(): Promise<void> {
  await stopSenderBoss().catch(() => undefined);
  await closeEmitter().catch(() => undefined);
  await disconnectDb();
}
