"use client";

import { Alert, Button, Code, Paper, Stack, TextInput, Title, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type Channels = RouterOutputs["alerts"]["channels"];

/** E-mail recipients and the signed webhook; the signing secret is shown once, when it is made. */
export function AlertChannelsForm() {
  const trpc = useTRPC();
  const channels = useQuery(trpc.alerts.channels.queryOptions());
  return channels.data ? <ChannelsFields saved={channels.data} /> : null;
}

function ChannelsFields({ saved }: { saved: Channels }) {
  const t = useTranslations("alerts");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [emails, setEmails] = useState(saved.emailRecipients.join(", "));
  const [webhookUrl, setWebhookUrl] = useState(saved.webhookUrl ?? "");
  const [secret, setSecret] = useState<string | null>(null);
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
        {!saved.emailAvailable && <Alert color="gray">{t("emailUnavailable")}</Alert>}
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
