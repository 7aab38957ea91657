import { randomUUID } from "node:crypto";
import { enqueue } from "../../jobs/enqueue";
import type { Actor } from "../members/actor";

/**
 * Asks a worker to push an event to this organization's browsers: proves the whole path
 * web → queue → worker → Postgres → Socket.IO → browser, and measures it.
 */
export async function requestRealtimeCheck(actor: Actor): Promise<{ checkId: string; requestedAt: string }> {
  const checkId = randomUUID();
  const requestedAt = new Date().toISOString();
  await enqueue("system.realtime-check", {
    organizationId: actor.organizationId,
    requestedBy: actor.userId,
    checkId,
    requestedAt,
  });
  return { checkId, requestedAt };
}
