import { api } from "~/trpc/server";

/** What every campaign page knows before its first paint: the time zone and whether the person may edit. */
export async function loadPageContext() {
  const [organization, me] = await Promise.all([api.organization.current(), api.system.me()]);
  return { timezone: organization.timezone, isAdmin: me.isAdmin };
}
