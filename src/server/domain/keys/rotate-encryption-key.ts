import { db } from "../../db/client";
import { withOrganization, withUser, type Tx } from "../../db/tenant";
import { decryptSecret, encryptSecret } from "../../crypto/secret-box";
import { AppError } from "../../errors";

export interface RotationReport {
  /** Secrets re-encrypted with the new key by this run. */
  rotated: number;
  /** Secrets already under the new key (an earlier, interrupted run did them). */
  alreadyRotated: number;
}

type Outcome = "rotated" | "already" | "undecryptable";

/** Re-seals one stored secret: skipped when the new key opens it already, so a run can be repeated or resumed. */
function reseal(sealed: string, oldKey: string, newKey: string): { outcome: Outcome; value?: string } {
  try {
    decryptSecret(sealed, newKey);
    return { outcome: "already" };
  } catch {
    // not yet rotated
  }
  try {
    return { outcome: "rotated", value: encryptSecret(decryptSecret(sealed, oldKey), newKey) };
  } catch {
    return { outcome: "undecryptable" };
  }
}

/**
 * Re-encrypts every secret sealed with secret-box (two-factor seeds, Evolution tokens, AI provider keys,
 * alert webhook secrets) from `oldKey` to `newKey`. Each row is updated only if it still holds what was read
 * (a concurrent change wins), in small transactions: an interrupted run leaves every row under one key or the
 * other, and running it again finishes the job. Throws, after rotating what it can, if some secret opens with
 * neither key; the old key must then stay available.
 */
export async function rotateEncryptionKey(options: { oldKey: string; newKey: string }): Promise<RotationReport> {
  const report: RotationReport = { rotated: 0, alreadyRotated: 0 };
  let undecryptable = 0;
  const count = (outcome: Outcome) => {
    if (outcome === "rotated") report.rotated++;
    else if (outcome === "already") report.alreadyRotated++;
    else undecryptable++;
  };

  const users = await db().user.findMany({
    where: { totpSecretEncrypted: { not: null } },
    select: { id: true, totpSecretEncrypted: true },
  });
  const userOutcomes = await resealAll(
    options,
    users.map((user) => ({ sealed: user.totpSecretEncrypted!, id: user.id })),
    (row, value) =>
      db().user.updateMany({
        where: { id: row.id, totpSecretEncrypted: row.sealed },
        data: { totpSecretEncrypted: value },
      }),
  );
  userOutcomes.forEach(count);

  for (const organizationId of await allOrganizationIds()) {
    await withOrganization(organizationId, async (tx) => {
      for (const outcome of await rotateOrganization(tx, options)) count(outcome);
    });
  }
  if (undecryptable > 0) throw new AppError("CONFLICT", "secretUndecryptable", { params: { count: undecryptable } });
  return report;
}

/**
 * Reseals each row's secret and saves the new value only where the row still holds the one read (a
 * concurrent change wins).
 */
async function resealAll<Row extends { sealed: string }>(
  keys: { oldKey: string; newKey: string },
  rows: Row[],
  save: (row: Row, value: string) => Promise<unknown>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const row of rows) {
    const { outcome, value } = reseal(row.sealed, keys.oldKey, keys.newKey);
    outcomes.push(outcome);
    if (value) await save(row, value);
  }
  return outcomes;
}

async function rotateOrganization(tx: Tx, keys: { oldKey: string; newKey: string }): Promise<Outcome[]> {
  const instances = await tx.instance.findMany({
    where: { tokenEncrypted: { not: null } },
    select: { id: true, tokenEncrypted: true },
  });
  const provider = await tx.aiProvider.findFirst({
    where: { apiKeyEncrypted: { not: null } },
    select: { organizationId: true, apiKeyEncrypted: true },
  });
  const channels = await tx.alertChannels.findFirst({
    where: { webhookSecretEncrypted: { not: null } },
    select: { organizationId: true, webhookSecretEncrypted: true },
  });
  return [
    ...(await resealAll(
      keys,
      instances.map((instance) => ({ id: instance.id, sealed: instance.tokenEncrypted! })),
      (row, value) =>
        tx.instance.updateMany({ where: { id: row.id, tokenEncrypted: row.sealed }, data: { tokenEncrypted: value } }),
    )),
    ...(await resealAll(
      keys,
      provider ? [{ organizationId: provider.organizationId, sealed: provider.apiKeyEncrypted! }] : [],
      (row, value) =>
        tx.aiProvider.updateMany({
          where: { organizationId: row.organizationId, apiKeyEncrypted: row.sealed },
          data: { apiKeyEncrypted: value },
        }),
    )),
    ...(await resealAll(
      keys,
      channels ? [{ organizationId: channels.organizationId, sealed: channels.webhookSecretEncrypted! }] : [],
      (row, value) =>
        tx.alertChannels.updateMany({
          where: { organizationId: row.organizationId, webhookSecretEncrypted: row.sealed },
          data: { webhookSecretEncrypted: value },
        }),
    )),
  ];
}

/**
 * Every organization, found through the people (users are not tenant-scoped): each person's own memberships
 * are visible to them under Row-Level Security, so no superuser connection is needed.
 */
async function allOrganizationIds(): Promise<string[]> {
  const ids = new Set<string>();
  for (const user of await db().user.findMany({ select: { id: true } })) {
    const memberships = await withUser(user.id, (tx) =>
      tx.membership.findMany({ where: { userId: user.id }, select: { organizationId: true } }),
    );
    for (const membership of memberships) ids.add(membership.organizationId);
  }
  return [...ids];
}
