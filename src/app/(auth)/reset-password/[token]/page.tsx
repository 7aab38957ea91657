import { getTranslations } from "next-intl/server";
import { AuthCard } from "../../auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("access")]);
  return (
    <AuthCard title={t("resetTitle")}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
