import { createHash } from "node:crypto";
import { secretMatchesHash, sha256Hex } from "../../crypto/secret-box";
import { intakeQuery } from "../../db/intake-pool";
import { uuid7 } from "../../db/uuid7";
import { AppError } from "../../errors";
import { whatsappProviderOfKind } from "../../whatsapp";
import type { WhatsAppProvider } from "../../whatsapp/provider";
import { nudgeWebhookDrain } from "../webhooks/nudge-webhook-drain";
import { parseDeliveryBody } from "../webhooks/parse-delivery-body";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReceivedWebhook {
  /** False for a replay of a delivery already stored. */
  stored: boolean;
  event: string;
  deliveryId: string | null;
}

function assertIds(input: { organizationId: string; instanceId: string }) {
  if (!UUID.test(input.organizationId) || !UUID.test(input.instanceId)) {
    throw new AppError("NOT_FOUND", "instanceNotFound");
  }
}

/**
 * Checks a delivery's target and secret before its body is even read, so an unauthenticated caller
 * cannot make Mirage read and parse large bodies. (The intake statement checks the secret again.)
 */
export async function authenticateWebhook(input: {
  organizationId: string;
  instanceId: string;
  secret: string | null;
}): Promise<void> {
  assertIds(input);
  const cacheKey = `${input.organizationId}:${input.instanceId}`;
  const cached = secretHashCache.get(cacheKey);
  // A hit saves a round trip per delivery; a miss or mismatch (secret rotated) asks the database.
  if (cached && cached.until > Date.now() && input.secret && secretMatchesHash(input.secret, cached.hash)) return;
  // On the intake pool, like the intake: a saturated or absent database answers 503 at once here too.
  const [row] = await intakeQuery<{ hash: string | null }>("SELECT mirage_webhook_secret_hash($1, $2) AS hash", [
    input.organizationId,
    input.instanceId,
  ]);
  const hash = row?.hash ?? null;
  if (!hash) throw new AppError("NOT_FOUND", "instanceNotFound");
  if (!input.secret || !secretMatchesHash(input.secret, hash)) {
    throw new AppError("UNAUTHENTICATED", "webhookSecretInvalid");
  }
  if (secretHashCache.size > 10_000) secretHashCache.clear();
  secretHashCache.set(cacheKey, { hash, until: Date.now() + SECRET_CACHE_MS });
}

/** Instances' webhook secret hashes, briefly: the intake statement checks the hash again anyway. */
const secretHashCache = new Map<string, { hash: string; until: number }>();
const SECRET_CACHE_MS = 30_000;

/** The idempotency key and event name of a body; valid JSON the parser refuses is still kept, by its hash. */
function identify(provider: WhatsAppProvider, body: Buffer): { dedupeKey: string; event: string } {
  let payload: unknown;
  try {
    payload = parseDeliveryBody(body);
  } catch {
    throw new AppError("BAD_REQUEST", "webhookBodyNotJson");
  }
  try {
    const parsed = provider.parseWebhook(payload);
    return { dedupeKey: parsed.dedupeKey, event: parsed.event };
  } catch {
    // Unparseable but valid JSON is kept too: processing marks it, and nothing is lost.
    const event = (payload as { event?: unknown })?.event;
    const hash = createHash("sha256").update(body).digest("hex");
    return { dedupeKey: `raw:${hash}`, event: typeof event === "string" ? event : "unknown" };
  }
}

/**
 * Intake of one delivery in one round trip: the database function binds the organization (Row-Level
 * Security), checks the instance and the secret's hash, and stores the raw bytes under the idempotency
 * key. The stored row is the queue; a coalesced nudge wakes a worker. A replay is a no-op.
 */
export async function receiveWebhook(input: {
  /** The provider kind whose intake route received the delivery. */
  provider: string;
  organizationId: string;
  instanceId: string;
  secret: string | null;
  body: Buffer;
}): Promise<ReceivedWebhook> {
  assertIds(input);
  const { dedupeKey, event } = identify(whatsappProviderOfKind(input.provider), input.body);
  const outcome = await storeWebhookDelivery({
    organizationId: input.organizationId,
    instanceId: input.instanceId,
    secretHash: input.secret ? sha256Hex(input.secret) : null,
    event,
    dedupeKey,
    body: input.body,
  });
  if (outcome.stored) nudgeWebhookDrain(input.organizationId, input.instanceId);
  return { ...outcome, event };
}

/** The single intake statement (also used by tests that feed bodies without HTTP). */
export async function storeWebhookDelivery(input: {
  organizationId: string;
  instanceId: string;
  secretHash: string | null;
  event: string;
  dedupeKey: string;
  body: Buffer;
}): Promise<{ stored: boolean; deliveryId: string | null }> {
  const deliveryId = uuid7();
  const [row] = await intakeQuery<{ outcome: string }>(
    "SELECT mirage_receive_webhook($1, $2, $3, $4, $5, $6, $7) AS outcome",
    [input.organizationId, input.instanceId, input.secretHash, deliveryId, input.event, input.dedupeKey, input.body],
  );
  switch (row?.outcome) {
    case "stored":
      return { stored: true, deliveryId };
    case "duplicate":
      return { stored: false, deliveryId: null };
    case "not_found":
      throw new AppError("NOT_FOUND", "instanceNotFound");
    case "unauthenticated":
      throw new AppError("UNAUTHENTICATED", "webhookSecretInvalid");
    default:
      throw new AppError("INTERNAL", "internal", {
        details: { problem: "unexpected intake outcome", outcome: String(row?.outcome) },
      });
  }
}
