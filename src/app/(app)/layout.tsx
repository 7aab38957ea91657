import type { ReactNode } from "react";
import { api } from "~/trpc/server";
import { AppFrame } from "../_components/app-frame";
import { RealtimeProvider } from "../_components/realtime-provider";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const [organization, me] = await Promise.all([api.organization.current(), api.system.me()]);
  return (
    <RealtimeProvider>
      <AppFrame organizationName={organization.name} role={me.role}>
        {children}
      </AppFrame>
    </RealtimeProvider>
  );
}
