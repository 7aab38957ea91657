import { env } from "../../../env";
import { withUser } from "../../db/tenant";
import type { Actor } from "./actor";

/**
 * Platform admins run the installation itself (PLATFORM_ADMIN_EMAILS): they also see what is not any one
 * organization's, such as system-wide errors. Roles (owner, admin, agent) are per organization and do not
 * reach that far.
 */
export async function isPlatformAdmin(actor: Pick<Actor, "userId">): Promise<boolean> {
  const emails = env().PLATFORM_ADMIN_EMAILS;
  if (emails.length === 0) return false;
  const user = await withUser(actor.userId, (tx) =>
    tx.user.findUnique({ where: { id: actor.userId }, select: { email: true } }),
  );
  return !!user && emails.includes(user.email.toLowerCase());
}
