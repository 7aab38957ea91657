import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { hasSession } from "~/trpc/server";
import { LanguageSwitch } from "../../_components/language-switch";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage() {
  if (await hasSession()) redirect("/");
  const t = await getTranslations();
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          <div>
            <Title order={2}>{t("signIn.title")}</Title>
            <Text c="dimmed" size="sm">
              {t("app.tagline")}
            </Text>
          </div>
          <SignInForm />
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
