import { Alert, Anchor, Button, Center, Checkbox, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { isErrorReason } from "~/shared/error-reasons";
import { api } from "~/trpc/server";
import { LanguageSwitch } from "../../_components/language-switch";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ status?: string; error?: string }> };

/**
 * The public opt-in form: a plain HTML form (works without JavaScript) posting to /api/optin/<token>.
 * The `website` field is a honeypot people never see; the signed form token records when the page was shown.
 */
export default async function OptInPage({ params, searchParams }: Props) {
  const [{ token }, { status, error }, t] = await Promise.all([params, searchParams, getTranslations()]);
  const form = await api.legal.publicOptInForm({ token });
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        {!form ? (
          <Alert color="gray" data-testid="opt-in-missing">
            {t("legal.optIn.notFound")}
          </Alert>
        ) : status === "sent" ? (
          <Alert color="green" data-testid="opt-in-sent">
            {t("legal.optIn.sent")}
          </Alert>
        ) : (
          <form method="post" action={`/api/optin/${encodeURIComponent(token)}`}>
            <Stack>
              <Title order={2}>{t("legal.optIn.title", { organization: form.organizationName })}</Title>
              {error && (
                <Alert color="red" role="alert" data-testid="opt-in-error">
                  {isErrorReason(error) ? t(`errors.${error}`) : t("legal.optIn.failed")}
                </Alert>
              )}
              <Text data-testid="opt-in-wording" style={{ whiteSpace: "pre-wrap" }}>
                {form.wording}
              </Text>
              <Text size="xs" c="dimmed">
                {t("legal.optIn.wordingVersion", { version: form.wordingVersion })}
              </Text>
              <input type="hidden" name="formToken" value={form.formToken} />
              <input type="hidden" name="wordingVersion" value={form.wordingVersion} />
              <div
                aria-hidden="true"
                style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
              >
                <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
              </div>
              <TextInput
                name="phone"
                type="tel"
                label={t("legal.optIn.phone")}
                description={t("legal.optIn.phoneHelp")}
                autoComplete="tel"
                required
              />
              <TextInput name="name" label={t("legal.optIn.name")} autoComplete="name" />
              <Checkbox name="consent" value="on" label={t("legal.optIn.agree")} required />
              <Button type="submit" fullWidth>
                {t("legal.optIn.submit")}
              </Button>
              {form.hasPrivacyPolicy && (
                <Anchor href={`/legal/${form.organizationId}/privacy`} size="sm">
                  {t("legal.optIn.privacy")}
                </Anchor>
              )}
            </Stack>
          </form>
        )}
        <Stack mt="md">
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
