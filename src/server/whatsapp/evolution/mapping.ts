import type { DeliveryStatus, QrCode } from "../provider";
import type { z } from "../../../shared/zod";
import type { qrCodeSchema } from "./schemas";

const deliveryStatuses = new Map<string, DeliveryStatus>([
  ["PENDING", "pending"],
  ["SERVER_ACK", "sent"],
  ["DELIVERY_ACK", "delivered"],
  ["READ", "read"],
  ["PLAYED", "played"],
  ["ERROR", "failed"],
]);

/** Evolution's message status (`renderStatus`) in Mirage's terms; null for others (2.3.6's "DELETED"). */
export function deliveryStatus(status: string | null | undefined): DeliveryStatus | null {
  return (status && deliveryStatuses.get(status)) || null;
}

const progress: DeliveryStatus[] = ["pending", "sent", "delivered", "read", "played"];

/**
 * The furthest status among several reports. Acks arrive out of order or are skipped, so they are
 * treated as monotonic; "failed" only stands when nothing got further than pending.
 */
export function furthestStatus(statuses: (DeliveryStatus | null)[]): DeliveryStatus | null {
  const known = statuses.filter((status): status is DeliveryStatus => status !== null);
  const furthest = known.reduce<DeliveryStatus | null>(
    (best, status) =>
      status !== "failed" && (!best || progress.indexOf(status) > progress.indexOf(best)) ? status : best,
    null,
  );
  if (known.includes("failed") && (furthest === null || furthest === "pending")) return "failed";
  return furthest;
}

export function dateFromEpochSeconds(seconds: number | undefined): Date {
  return seconds === undefined ? new Date() : new Date(seconds * 1000);
}

export function qrCodeFrom(qr: z.infer<typeof qrCodeSchema>): QrCode {
  return {
    dataUrl: qr.base64 ?? null,
    code: qr.code ?? null,
    pairingCode: qr.pairingCode ?? null,
    // The webhook's QR carries no count; only `/instance/connect` reports it.
    count: qr.count ?? 0,
  };
}
