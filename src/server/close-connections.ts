import { disconnectDb } from "./db/client";
import { closeIntakePool } from "./db/intake-pool";
import { closeRateLimitPool } from "./db/rate-limit-pool";
import { stopSenderBoss } from "./jobs/enqueue";
import { closeEmitter } from "./realtime/emitter";

/**
 * Ends every database connection this process opened on demand (pg-boss for enqueueing, the realtime
 * emitter, the webhook intake pool, the rate-limit pool, Prisma's pool). Left open, their timers keep the process alive and retry a stopped Postgres.
 */
export async function closeConnections(): Promise<void> {
  await stopSenderBoss().catch(() => undefined);
  await closeEmitter().catch(() => undefined);
  await closeIntakePool().catch(() => undefined);
  await closeRateLimitPool().catch(() => undefined);
  await disconnectDb();
}
