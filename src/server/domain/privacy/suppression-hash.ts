import { createHmac } from "node:crypto";
import { env } from "../../../env";
import type { Tx } from "../../db/tenant";

/**
 * The suppression hash of a canonical phone (E.164): an HMAC under the server's suppression key (derived from
 * ENCRYPTION_KEY unless pinned), so the list cannot be reversed by hashing every Brazilian number without it.
 */
export function phoneSuppressionHash(phoneE164: string): string {
  const key = Buffer.from(env().suppressionKey, "base64");
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
