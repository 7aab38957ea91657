import { withOrganization } from "../../db/tenant";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProviderFor } from "../../whatsapp";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { loadInstance } from "./load-instance";
import { recordInstanceEvent } from "./record-instance-event";
import type { connectInstanceOutput } from "./instance-outputs";
import type { z } from "../../../shared/zod";

export type PairingDto = z.infer<typeof connectInstanceOutput>;

/**
 * Starts pairing: the provider answers with a QR (or a pairing code for `phoneNumber`); later QRs arrive
 * by webhook (`qr.updated`) and reach the browser over Socket.IO.
 */
export async function connectInstance(
  actor: Actor,
  input: { instanceId: string; phoneNumber?: string },
): Promise<PairingDto> {
  const instance = await withOrganization(actor.organizationId, (tx) =>
    loadInstance(tx, actor.organizationId, input.instanceId),
  );
  const phoneNumber = input.phoneNumber?.replace(/\D/g, "");
  const result = await whatsappProviderFor(instance).connect(instance.providerName, { phoneNumber });
  if (result.kind === "open") {
    return { state: "open", qrDataUrl: null, pairingCode: null };
  }
  const pairing = { qrDataUrl: result.qr.dataUrl, pairingCode: result.qr.pairingCode };
  const applied = await withOrganization(actor.organizationId, async (tx) => {
    // Conditional: a webhook may have opened the connection while the provider was answering.
    const updated = await tx.instance.updateMany({
      where: { id: instance.id, state: { not: "open" } },
      data: { state: "connecting", ...pairing, qrUpdatedAt: new Date() },
    });
    if (updated.count === 0) return false;
    await recordInstanceEvent(tx, {
      organizationId: actor.organizationId,
      instanceId: instance.id,
      kind: "pairing_started",
      state: "connecting",
      detail: { code: phoneNumber ? "pairing_code_requested" : "qr_requested" },
      actorUserId: actor.userId,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "instance.pairing_started",
      targetType: "instance",
      targetId: instance.id,
      metadata: { method: phoneNumber ? "pairing_code" : "qr" },
    });
    return true;
  });
  if (!applied) return { state: "open", qrDataUrl: null, pairingCode: null };
  await emitToOrganization(actor.organizationId, "instance.qr", { instanceId: instance.id });
  return { state: "connecting", ...pairing };
}
