import { getTranslations } from "next-intl/server";
import { AuthCard } from "../auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("access");
  return (
    <AuthCard title={t("forgotTitle")}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
