import type { Tx } from "../../db/tenant";

/**
 * Whether the contact's consent was changed after `at` (an opt-in, a manual consent), reading the row under
 * a lock: a choice being recorded at the same moment is waited for and seen, instead of being overwritten by
 * an opt-out decided on what the row said before it.
 */
export async function consentChangedSince(tx: Tx, contactId: string, at: Date): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ consentUpdatedAt: Date | null }[]>`
    SELECT consent_updated_at AS "consentUpdatedAt" FROM contacts WHERE id = ${contactId}::uuid FOR UPDATE`;
  return Boolean(row?.consentUpdatedAt && row.consentUpdatedAt > at);
}
