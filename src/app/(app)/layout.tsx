import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSessionIdentity } from "~/server/auth/session";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { getOrganization } from "~/server/domain/organizations/get-organization";
import { AppFrame } from "../_components/app-frame";
import { RealtimeProvider } from "../_components/realtime-provider";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const identity = await getSessionIdentity();
  if (!identity) redirect("/sign-in");
  const actor = await resolveActor(identity.userId, identity.organizationId);
  if (!actor) redirect("/api/auth/signout");
  const organization = await getOrganization(actor);
  return (
    <RealtimeProvider>
      <AppFrame organizationName={organization.name} role={actor.role}>
        {children}
      </AppFrame>
    </RealtimeProvider>
  );
}
