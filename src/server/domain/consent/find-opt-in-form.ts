import { db } from "../../db/client";

/**
 * The active form a public link names, read by its token alone (a row-level policy lets exactly that
 * row be seen), so the page learns which organization to bind. Null for an unknown or inactive link.
 */
export async function findOptInForm(token: string) {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(token)) return null;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('mirage.opt_in_token', ${token}, true)`;
    return tx.optInForm.findFirst({
      where: { token, active: true },
      select: {
        id: true,
        organizationId: true,
        instanceId: true,
        campaignId: true,
        wording: true,
        wordingVersion: true,
      },
    });
  });
}
