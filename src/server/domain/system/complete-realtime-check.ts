import { emitToOrganization } from "../../realtime/emitter";
import type { QueuePayload } from "../../jobs/queues";

export async function completeRealtimeCheck(payload: QueuePayload<"system.realtime-check">): Promise<void> {
  await emitToOrganization(payload.organizationId, "realtime.check", {
    checkId: payload.checkId,
    requestedAt: payload.requestedAt,
    workerAt: new Date().toISOString(),
  });
}
