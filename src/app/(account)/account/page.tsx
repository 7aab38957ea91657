import { Stack, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { api } from "~/trpc/server";
import { PasswordSection } from "./password-section";
import { SessionsSection } from "./sessions-section";
import { TwoFactorSection } from "./two-factor-section";

export default async function AccountPage() {
  const [t, me] = await Promise.all([getTranslations("account"), api.account.me()]);
  return (
    <Stack>
      <Title order={2}>{t("title")}</Title>
      <PasswordSection mustChange={me.mustChangePassword} />
      <TwoFactorSection />
      <SessionsSection />
    </Stack>
  );
}
