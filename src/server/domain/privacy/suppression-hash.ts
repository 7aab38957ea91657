import { createHmac } from "node:crypto";
import { env } from "../../../env";
import type { Tx } from "../../db/tenant";

/**
 * The suppression hash of a canonical phone (E.164): an HMAC under a key derived from the server's
 * ENCRYPTION_KEY, so the list cannot be reversed by hashing every Brazilian number without the key.
 */
export function phoneSuppressionHash(phoneE164: string): string {
  const key = createHmac("sha256", env().ENCRYPTION_KEY).update("mirage.suppression.v1").digest();
  return createHmac("sha256", key).update(phoneE164.replace(/^\+/, "")).digest("hex");
}

/** Which of `phones` (canonical E.164) belong to people erased from the organization. */
export async function suppressedPhones(tx: Tx, organizationId: string, phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const byHash = new Map(phones.map((phone) => [phoneSuppressionHash(phone), phone]));
  const rows = await tx.suppressedIdentity.findMany({
    where: { organizationId, phoneHash: { in: [...byHash.keys()] } },
    select: { phoneHash: true },
  });
  return new Set(rows.map((row) => byHash.get(row.phoneHash)!));
}
