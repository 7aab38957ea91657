import { withUser } from "../../db/tenant";
import type { Actor } from "../members/actor";
import type { getMyAccountOutput } from "./account-outputs";
import type { z } from "../../../shared/zod";

/** The signed-in person's own account, including whether they must replace their password first. */
export async function getMyAccount(actor: Actor): Promise<z.infer<typeof getMyAccountOutput>> {
  const user = await withUser(actor.userId, (tx) => tx.user.findUniqueOrThrow({ where: { id: actor.userId } }));
  return { userId: user.id, name: user.name, email: user.email, mustChangePassword: user.mustChangePassword };
}
