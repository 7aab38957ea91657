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
  const cacheKey = `${input.organizationId}:${input.instanceId}`;
  const cached = secretHashCache.get(cacheKey);
  // A hit saves a transaction per delivery; a miss or mismatch (secret rotated) asks the database.
  if (cached && cached.until > Date.now() && input.secret && secretMatchesHash(input.secret, cached.hash)) return;
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
  if (secretHashCache.size > 10_000) secretHashCache.clear();
  secretHashCache.set(cacheKey, { hash: instance.webhookSecretHash, until: Date.now() + SECRET_CACHE_MS });
}

/** Instances' webhook secret hashes, briefly: receiveWebhook checks again inside its transaction anyway. */
const secretHashCache = new Map<string, { hash: string; until: number }>();
const SECRET_CACHE_MS = 30_000;

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
