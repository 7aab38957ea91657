"use client";

import { Alert, Button, Group, Loader, Modal, Stack, Text } from "@mantine/core";
import { IconRocket } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { PaceEstimate } from "./pace-estimate";

/** The last look before a launch: who would receive it, through which numbers, and when it would end. */
export function LaunchConfirmModal(props: {
  campaignId: string | null;
  timeZone: string;
  launching: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("campaigns.confirmLaunch");
  const locale = useLocale();
  const trpc = useTRPC();
  const plan = useQuery({
    ...trpc.campaigns.launchPlan.queryOptions({ campaignId: props.campaignId ?? "" }),
    enabled: !!props.campaignId,
    // Asked afresh each time: consent and the numbers' sends change between two looks.
    gcTime: 0,
  });
  const data = plan.data;
  const number = new Intl.NumberFormat(locale);

  return (
    <Modal
      opened={!!props.campaignId}
      onClose={props.onCancel}
      title={t("title")}
      centered
      size="lg"
      closeOnClickOutside={!props.launching}
    >
      <Stack data-testid="launch-confirm">
        {plan.error && <Alert color="red">{messageOf(plan.error, t("loadError"))}</Alert>}
        {!data && !plan.error && <Loader size="sm" />}
        {data && (
          <>
            <Text data-testid="launch-recipients" data-value={data.recipients}>
              {t.rich("recipients", {
                count: data.recipients,
                name: data.name,
                strong: (chunks) => (
                  <Text span fw={700}>
                    {chunks}
                  </Text>
                ),
              })}
            </Text>
            <Text size="sm" data-testid="launch-numbers">
              {t("numbers", {
                count: data.numbers.length,
                names: new Intl.ListFormat(locale, { type: "conjunction" }).format(data.numbers.map((n) => n.name)),
              })}
            </Text>
            <PaceEstimate estimate={data} loading={false} timeZone={props.timeZone} />
            <Text size="xs" c="dimmed">
              {t("exclusionsNote", { total: number.format(data.recipients) })}
            </Text>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={props.launching}>
            {t("cancel")}
          </Button>
          <Button
            color="teal"
            leftSection={<IconRocket size={16} />}
            onClick={props.onConfirm}
            loading={props.launching}
            disabled={!data}
            data-testid="launch-confirm-button"
          >
            {t("confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
