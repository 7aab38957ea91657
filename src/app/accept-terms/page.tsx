import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { api } from "~/trpc/server";
import { LanguageSwitch } from "../_components/language-switch";
import { AcceptTermsForm } from "./accept-terms-form";

export const dynamic = "force-dynamic";

/** Where a member lands after sign-in while the organization's current terms are not accepted by them. */
export default async function AcceptTermsPage() {
  const [t, status] = await Promise.all([getTranslations("legal.acceptTerms"), api.legal.termsStatus()]);
  if (status.accepted || !status.current) redirect("/");
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={760}>
        <Stack>
          <Title order={2}>{t("title")}</Title>
          <Text c="dimmed" size="sm">
            {t("intro", { version: status.current.version })}
          </Text>
          <Paper withBorder p="md" mah={420} style={{ overflowY: "auto" }}>
            <Text component="div" size="sm" data-testid="terms-body" style={{ whiteSpace: "pre-wrap" }}>
              {status.current.body}
            </Text>
          </Paper>
          <AcceptTermsForm documentId={status.current.documentId} />
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
