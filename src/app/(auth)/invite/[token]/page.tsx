import { getTranslations } from "next-intl/server";
import { AuthCard } from "../../auth-card";
import { InvitationAcceptance } from "./invitation-acceptance";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("settings")]);
  return (
    <AuthCard title={t("invite")}>
      <InvitationAcceptance token={token} />
    </AuthCard>
  );
}
