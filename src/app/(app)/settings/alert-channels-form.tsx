"use client";

import { Alert, Button, Code, Paper, Stack, TextInput, Title, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** E-mail recipients and the signed webhook; the signing secret is shown once, when it is made. */
export function AlertChannelsForm() {
  const t = useTranslations("alerts");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const channels = useQuery(trpc.alerts.channels.queryOptions());
  const [emails, setEmails] = useState("");
  const [webhookUrl, setWebhookUrl] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => {
    if (!channels.data) return;
    setEmails(channels.data.emailRecipients.join(", "));
    setWebhookUrl(channels.data.webhookUrl ?? "");
  }, [channels.data]);
  const save = useMutation(
    trpc.alerts.saveChannels.mutationOptions({
      onSuccess: async (saved) => {
        setSecret(saved.newWebhookSecret);
        notifications.show({ color: "teal", message: t("channelsSaved") });
        await queryClient.invalidateQueries({ queryKey: trpc.alerts.channels.queryKey() });
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("saveError")) }),
    }),
  );
  const submit = () =>
    save.mutate({
      emailRecipients: emails
        .split(",")
        .map((email) => email.trim())
        .filter(Boolean),
      webhookUrl: webhookUrl.trim() || null,
    });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={5}>{t("channelsTitle")}</Title>
        {channels.data && !channels.data.emailAvailable && <Alert color="gray">{t("emailUnavailable")}</Alert>}
        <TextInput
          label={t("emailRecipients")}
          description={t("emailRecipientsHint")}
          value={emails}
          onChange={(e) => setEmails(e.currentTarget.value)}
        />
        <TextInput
          label={t("webhookUrl")}
          description={t("webhookHint")}
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.currentTarget.value)}
        />
        {secret && (
          <Text size="sm" data-testid="alert-webhook-secret">
            {t.rich("webhookSecret", { secret: () => <Code>{secret}</Code> })}
          </Text>
        )}
        <Button onClick={submit} loading={save.isPending} w="fit-content">
          {t("saveChannels")}
        </Button>
      </Stack>
    </Paper>
  );
}
