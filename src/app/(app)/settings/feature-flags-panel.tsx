"use client";

import { Alert, Badge, Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { featureFlagKeys } from "~/shared/schemas/flags";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Choice = "rollout" | "on" | "off";
const choiceOf = (override: boolean | null): Choice => (override === null ? "rollout" : override ? "on" : "off");
const isKnown = (key: string): key is (typeof featureFlagKeys)[number] =>
  (featureFlagKeys as readonly string[]).includes(key);

/** Admins turn features on or off for their organization, or leave them to the rollout. */
export function FeatureFlagsPanel() {
  const t = useTranslations("settings.flags");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flags = useQuery(trpc.flags.list.queryOptions());
  const set = useMutation(
    trpc.flags.set.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.flags.list.queryKey() }),
    }),
  );

  return (
    <Paper withBorder p="md">
      <Stack>
        <Text c="dimmed">{t("intro")}</Text>
        <Table>
          <Table.Tbody>
            {(flags.data ?? [])
              .filter((flag) => isKnown(flag.key))
              .map((flag) => (
                <Table.Tr key={flag.key} data-testid={`flag-${flag.key}`}>
                  <Table.Td>
                    <Text fw={500}>{t(`names.${flag.key.replaceAll(".", "_")}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {t("rollout", { percent: flag.rolloutPercent })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <SegmentedControl
                        size="xs"
                        value={choiceOf(flag.override)}
                        data={[
                          { value: "rollout", label: t("followRollout") },
                          { value: "on", label: t("on") },
                          { value: "off", label: t("off") },
                        ]}
                        onChange={(value) => {
                          if (!isKnown(flag.key)) return;
                          const enabled = value === "rollout" ? null : value === "on";
                          set.mutate({ key: flag.key, enabled });
                        }}
                      />
                      <Badge color={flag.enabled ? "teal" : "gray"} data-testid={`flag-state-${flag.key}`}>
                        {flag.enabled ? t("on") : t("off")}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        {(flags.error ?? set.error) && <Alert color="red">{messageOf(flags.error ?? set.error, "")}</Alert>}
      </Stack>
    </Paper>
  );
}
