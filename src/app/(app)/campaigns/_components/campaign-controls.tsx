"use client";

import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlayerPause, IconPlayerPlay, IconX } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { CampaignStatus } from "./types";

type Action = "pause" | "resume" | "cancel";

/** Pausar / Retomar / Cancelar, as the campaign's status allows; cancelling asks first. */
export function CampaignControls(props: { campaignId: string; name: string; status: CampaignStatus }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("campaigns.controls");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const control = useMutation(
    trpc.campaigns.control.mutationOptions({
      onSuccess: () => setConfirmingCancel(false),
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("error")) }),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.campaigns.report.queryKey({ campaignId: props.campaignId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() }),
        ]),
    }),
  );
  const run = (action: Action) => control.mutate({ campaignId: props.campaignId, action });
  const pending = (action: Action) => control.isPending && control.variables?.action === action;
  const { status } = props;

  return (
    <Group gap="xs">
      {(status === "running" || status === "scheduled") && (
        <Button
          variant="default"
          leftSection={<IconPlayerPause size={16} />}
          loading={pending("pause")}
          disabled={control.isPending}
          onClick={() => run("pause")}
          data-testid="pause-campaign"
        >
          {t("pause")}
        </Button>
      )}
      {status === "paused" && (
        <Button
          color="teal"
          leftSection={<IconPlayerPlay size={16} />}
          loading={pending("resume")}
          disabled={control.isPending}
          onClick={() => run("resume")}
          data-testid="resume-campaign"
        >
          {t("resume")}
        </Button>
      )}
      {status !== "completed" && status !== "cancelled" && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={16} />}
          disabled={control.isPending}
          onClick={() => setConfirmingCancel(true)}
          data-testid="cancel-campaign"
        >
          {t("cancel")}
        </Button>
      )}
      <Modal opened={confirmingCancel} onClose={() => setConfirmingCancel(false)} title={t("cancelTitle")}>
        <Stack>
          <Text>{t("cancelConfirm", { name: props.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingCancel(false)}>
              {t("keep")}
            </Button>
            <Button color="red" loading={pending("cancel")} onClick={() => run("cancel")} data-testid="confirm-cancel">
              {t("confirmCancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
