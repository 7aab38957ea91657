"use client";

import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** Members held after a burst of exports, deletions or sign-ins: another admin confirms to lift the hold. */
export function MemberHoldsCard() {
  const t = useTranslations("settings.memberHolds");
  const format = useFormatter();
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const holds = useQuery(trpc.members.holds.queryOptions());
  const confirm = useMutation(
    trpc.members.confirmHold.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.holds.queryKey() }),
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("confirm")) }),
    }),
  );
  if (!holds.data?.length) return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t("title")}</Title>
        {holds.data.map((hold) => (
          <Alert key={hold.id} color="orange">
            <Group justify="space-between">
              <Stack gap={2}>
                <Text fw={500}>{hold.memberName || hold.memberEmail}</Text>
                <Text size="sm">
                  {t(`kinds.${hold.kind}`, {
                    observed: hold.observed,
                    threshold: hold.threshold,
                    windowMinutes: hold.windowMinutes,
                  })}
                </Text>
                {hold.expiresAt && (
                  <Text size="sm" c="dimmed">
                    {t("liftsAt", { at: format.dateTime(hold.expiresAt, { dateStyle: "short", timeStyle: "short" }) })}
                  </Text>
                )}
              </Stack>
              <Button
                disabled={hold.ownHold}
                loading={confirm.isPending}
                onClick={() => confirm.mutate({ holdId: hold.id })}
              >
                {t("confirm")}
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}
