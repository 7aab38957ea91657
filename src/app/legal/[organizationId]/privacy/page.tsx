import { Alert, Container, Paper, Stack, Text, Title } from "@mantine/core";
import { getFormatter, getTranslations } from "next-intl/server";
import { api } from "~/trpc/server";
import { LanguageSwitch } from "../../../_components/language-switch";

export const dynamic = "force-dynamic";

/** An organization's published privacy policy, open to anyone (it names the encarregado: Res. 18/2024). */
export default async function PublicPrivacyPolicyPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const [{ organizationId }, t, format] = await Promise.all([params, getTranslations(), getFormatter()]);
  const policy = await api.legal.publicPrivacyPolicy({ organizationId });
  return (
    <Container size="md" py="xl">
      <Paper withBorder p="xl">
        <Stack>
          <Title order={1} size="h3">
            {t("legal.publicPolicy.title")}
          </Title>
          {policy ? (
            <>
              <Text size="sm" c="dimmed">
                {t("legal.publicPolicy.version", {
                  version: policy.version,
                  date: format.dateTime(new Date(policy.publishedAt), { dateStyle: "long" }),
                })}
              </Text>
              {/* The published markdown as written: headings and lists read well as plain text. */}
              <Text component="div" data-testid="privacy-policy" style={{ whiteSpace: "pre-wrap" }}>
                {policy.body}
              </Text>
            </>
          ) : (
            <Alert color="gray">{t("legal.publicPolicy.missing")}</Alert>
          )}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Container>
  );
}
