import type { Tx } from "../../db/tenant";

/**
 * The keys among `keys` that no message of the organization points to any more. Keys are
 * content-addressed, so a file removed with one message may still belong to another.
 */
export async function releasedMediaKeys(tx: Tx, organizationId: string, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const used = await tx.message.findMany({
    where: { organizationId, mediaKey: { in: keys } },
    select: { mediaKey: true },
    distinct: ["mediaKey"],
  });
  const stillUsed = new Set(used.map((row) => row.mediaKey));
  return keys.filter((key) => !stillUsed.has(key));
}
