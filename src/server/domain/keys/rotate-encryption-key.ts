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
  for (const user of users) {
    const { outcome, value } = reseal(user.totpSecretEncrypted!, options.oldKey, options.newKey);
    count(outcome);
    if (value) {
      await db().user.updateMany({
        where: { id: user.id, totpSecretEncrypted: user.totpSecretEncrypted },
        data: { totpSecretEncrypted: value },
      });
    }
  }

  for (const organizationId of await allOrganizationIds()) {
    await withOrganization(organizationId, async (tx) => {
      for (const outcome of await rotateOrganization(tx, options)) count(outcome);
    });
  }
  if (undecryptable > 0) throw new AppError("CONFLICT", "secretUndecryptable", { params: { count: undecryptable } });
  return report;
}

async function rotateOrganization(tx: Tx, keys: { oldKey: string; newKey: string }): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const instance of await tx.instance.findMany({
    where: { tokenEncrypted: { not: null } },
    select: { id: true, tokenEncrypted: true },
  })) {
    const { outcome, value } = reseal(instance.tokenEncrypted!, keys.oldKey, keys.newKey);
    outcomes.push(outcome);
    if (value) {
      await tx.instance.updateMany({
        where: { id: instance.id, tokenEncrypted: instance.tokenEncrypted },
        data: { tokenEncrypted: value },
      });
    }
  }
  const provider = await tx.aiProvider.findFirst({ select: { organizationId: true, apiKeyEncrypted: true } });
  if (provider?.apiKeyEncrypted) {
    const { outcome, value } = reseal(provider.apiKeyEncrypted, keys.oldKey, keys.newKey);
    outcomes.push(outcome);
    if (value) {
      await tx.aiProvider.updateMany({
        where: { organizationId: provider.organizationId, apiKeyEncrypted: provider.apiKeyEncrypted },
        data: { apiKeyEncrypted: value },
      });
    }
  }
  const channels = await tx.alertChannels.findFirst({ select: { organizationId: true, webhookSecretEncrypted: true } });
  if (channels?.webhookSecretEncrypted) {
    const { outcome, value } = reseal(channels.webhookSecretEncrypted, keys.oldKey, keys.newKey);
    outcomes.push(outcome);
    if (value) {
      await tx.alertChannels.updateMany({
        where: { organizationId: channels.organizationId, webhookSecretEncrypted: channels.webhookSecretEncrypted },
        data: { webhookSecretEncrypted: value },
      });
    }
  }
  return outcomes;
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
