import { redirect } from "next/navigation";
import { getSessionIdentity } from "~/server/auth/session";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { getOrganization } from "~/server/domain/organizations/get-organization";

/** What every campaign page knows before its first paint: the time zone and whether the person may edit. */
export async function loadPageContext() {
  const identity = await getSessionIdentity();
  const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
  if (!actor) redirect("/sign-in");
  const organization = await getOrganization(actor);
  return { timezone: organization.timezone, isAdmin: actor.role === "owner" || actor.role === "admin" };
}
