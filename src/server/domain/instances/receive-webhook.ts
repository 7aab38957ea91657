import { randomUUID } from "node:crypto";
import { secretMatchesHash, sha256Hex } from "../../crypto/secret-box";
import type { Prisma } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { whatsappProvider } from "../../whatsapp";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReceivedWebhook {
  /** False for a replay of a delivery already stored. */
  stored: boolean;
  event: string;
}

/**
 * Intake of one Evolution delivery: authenticate it by the instance's secret header, store the raw
 * body under its idempotency key and enqueue its processing in the same transaction. A replay is a
 * no-op. Nothing is interpreted here, so the answer (and Evolution's retry clock) is fast.
 */
/**
 * Checks a delivery's target and secret before its body is even read, so an unauthenticated caller
 * cannot make Mirage read and parse large bodies. (receiveWebhook checks again inside its transaction.)
 */
export async function authenticateWebhook(input: {
  organizationId: string;
  instanceId: string;
  secret: string | null;
}): Promise<void> {
  if (!UUID.test(input.organizationId) || !UUID.test(input.instanceId)) {
    throw new AppError("NOT_FOUND", "Instância não encontrada.");
  }
  const instance = await withOrganization(input.organizationId, (tx) =>
    tx.instance.findFirst({
      where: { id: input.instanceId, organizationId: input.organizationId },
      select: { webhookSecretHash: true },
    }),
  );
  if (!instance) throw new AppError("NOT_FOUND", "Instância não encontrada.");
  if (!input.secret || !secretMatchesHash(input.secret, instance.webhookSecretHash)) {
    throw new AppError("UNAUTHENTICATED", "Segredo do webhook inválido.");
  }
}

export async function receiveWebhook(input: {
  organizationId: string;
  instanceId: string;
  secret: string | null;
  body: string;
}): Promise<ReceivedWebhook> {
  if (!UUID.test(input.organizationId) || !UUID.test(input.instanceId)) {
    throw new AppError("NOT_FOUND", "Instância não encontrada.");
  }
  let payload: unknown;
  try {
    payload = JSON.parse(input.body);
  } catch {
    throw new AppError("BAD_REQUEST", "O corpo do webhook não é um JSON válido.");
  }
  let dedupeKey: string;
  let event: string;
  try {
    const parsed = whatsappProvider().parseWebhook(payload);
    dedupeKey = parsed.dedupeKey;
    event = parsed.event;
  } catch {
    // Unparseable but valid JSON is kept too: processing marks it, and nothing is lost.
    dedupeKey = `raw:${sha256Hex(input.body)}`;
    event =
      typeof (payload as { event?: unknown })?.event === "string" ? (payload as { event: string }).event : "unknown";
  }

  return withOrganization(input.organizationId, async (tx) => {
    const instance = await tx.instance.findFirst({
      where: { id: input.instanceId, organizationId: input.organizationId },
      select: { id: true, webhookSecretHash: true },
    });
    if (!instance) throw new AppError("NOT_FOUND", "Instância não encontrada.");
    if (!input.secret || !secretMatchesHash(input.secret, instance.webhookSecretHash)) {
      throw new AppError("UNAUTHENTICATED", "Segredo do webhook inválido.");
    }
    const deliveryId = randomUUID();
    const inserted = await tx.webhookDelivery.createMany({
      data: [
        {
          id: deliveryId,
          organizationId: input.organizationId,
          instanceId: instance.id,
          event,
          dedupeKey,
          payload: payload as Prisma.InputJsonValue,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { stored: false, event };
    await enqueue("webhook.process", { organizationId: input.organizationId, deliveryId }, { tx });
    return { stored: true, event };
  });
}
