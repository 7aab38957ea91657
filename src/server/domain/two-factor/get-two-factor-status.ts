import { withUser } from "../../db/tenant";
import type { Actor } from "../members/actor";

export async function getTwoFactorStatus(actor: Actor): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const user = await withUser(actor.userId, (tx) => tx.user.findUniqueOrThrow({ where: { id: actor.userId } }));
  return { enabled: user.twoFactorEnabledAt !== null, recoveryCodesLeft: user.recoveryCodeHashes.length };
}
