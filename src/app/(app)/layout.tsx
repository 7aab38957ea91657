import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { api } from "~/trpc/server";
import { AppFrame } from "../_components/app-frame";
import { RealtimeProvider } from "../_components/realtime-provider";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const [organization, me, account, organizations] = await Promise.all([
    api.organization.current(),
    api.system.me(),
    api.account.me(),
    api.organization.mine(),
  ]);
  // A generated first password is replaced before anything else.
  if (account.mustChangePassword) redirect("/account");
  return (
    <RealtimeProvider>
      <AppFrame
        organizationName={organization.name}
        organizationId={organization.id}
        organizations={organizations}
        role={me.role}
      >
        {children}
      </AppFrame>
    </RealtimeProvider>
  );
}
