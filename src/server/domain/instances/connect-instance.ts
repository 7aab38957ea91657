import { withOrganization } from "../../db/tenant";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProvider } from "../../whatsapp";
import type { Actor } from "../members/actor";
import { evolutionServer } from "./evolution-server";
import { loadInstance } from "./load-instance";
import { recordInstanceEvent } from "./record-instance-event";

export interface PairingDto {
  state: "open" | "connecting";
  qrDataUrl: string | null;
  pairingCode: string | null;
}

/**
 * Starts pairing: Evolution answers with a QR (or a pairing code for `phoneNumber`); later QRs arrive
 * by webhook (`qrcode.updated`) and reach the browser over Socket.IO.
 */
export async function connectInstance(
  actor: Actor,
  input: { instanceId: string; phoneNumber?: string },
): Promise<PairingDto> {
  const instance = await withOrganization(actor.organizationId, (tx) =>
    loadInstance(tx, actor.organizationId, input.instanceId),
  );
  const phoneNumber = input.phoneNumber?.replace(/\D/g, "");
  const result = await whatsappProvider().connect(evolutionServer(), instance.providerName, { phoneNumber });
  if (result.kind === "open") {
    return { state: "open", qrDataUrl: null, pairingCode: null };
  }
  const pairing = { qrDataUrl: result.qr.dataUrl, pairingCode: result.qr.pairingCode };
  await withOrganization(actor.organizationId, async (tx) => {
    await tx.instance.update({
      where: { id: instance.id },
      data: { state: instance.state === "open" ? "open" : "connecting", ...pairing, qrUpdatedAt: new Date() },
    });
    await recordInstanceEvent(tx, {
      organizationId: actor.organizationId,
      instanceId: instance.id,
      kind: "pairing_started",
      state: "connecting",
      detail: phoneNumber ? "Código de pareamento solicitado" : "QR code solicitado",
      actorUserId: actor.userId,
    });
  });
  await emitToOrganization(actor.organizationId, "instance.qr", { instanceId: instance.id });
  return { state: "connecting", ...pairing };
}
