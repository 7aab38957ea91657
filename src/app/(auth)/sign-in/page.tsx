import { Anchor } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { hasSession } from "~/trpc/server";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage() {
  if (await hasSession()) redirect("/");
  const t = await getTranslations();
  return (
    <AuthCard title={t("signIn.title")}>
      <SignInForm />
      <Anchor href="/forgot-password" size="sm" data-testid="forgot-password">
        {t("signIn.forgotPassword")}
      </Anchor>
    </AuthCard>
  );
}
