"use client";

import { Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { MIN_AUDIT_KEEP_DAYS, type RetentionDataKindValue } from "~/shared/schemas/privacy";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** One retention policy: keep days, a dry-run count before enabling, save. */
function RetentionRow(props: {
  kind: RetentionDataKindValue;
  keepDays: number | null;
  enabled: boolean;
  lastPurgedAt: string | null;
}) {
  const t = useTranslations("settings.privacy");
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [keepDays, setKeepDays] = useState<number>(
    props.keepDays ?? (props.kind === "audit" ? MIN_AUDIT_KEEP_DAYS : 365),
  );
  const [enabled, setEnabled] = useState(props.enabled);
  const [dryRun, setDryRun] = useState(false);
  const preview = useQuery({
    ...trpc.privacy.retention.preview.queryOptions({ kind: props.kind, keepDays }),
    enabled: dryRun,
  });
  const save = useMutation(
    trpc.privacy.retention.save.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("retentionSaved") });
        await queryClient.invalidateQueries({ queryKey: trpc.privacy.retention.list.queryKey() });
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("failed")) }),
    }),
  );
  return (
    <Table.Tr data-testid={`retention-${props.kind}`}>
      <Table.Td>{t(`retentionKinds.${props.kind}`)}</Table.Td>
      <Table.Td>
        <NumberInput
          w={120}
          min={props.kind === "audit" ? MIN_AUDIT_KEEP_DAYS : 1}
          max={3650}
          value={keepDays}
          onChange={(value) => typeof value === "number" && setKeepDays(value)}
          aria-label={t("keepDays")}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setDryRun(true)} loading={preview.isFetching}>
            {t("dryRun")}
          </Button>
          {dryRun && preview.data && <Text size="sm">{t("wouldPurge", { count: preview.data.count })}</Text>}
        </Group>
      </Table.Td>
      <Table.Td>
        <Switch
          checked={enabled}
          onChange={(event) => setEnabled(event.currentTarget.checked)}
          aria-label={t("enabled")}
        />
      </Table.Td>
      <Table.Td>
        {props.lastPurgedAt ? format.dateTime(new Date(props.lastPurgedAt), { dateStyle: "short" }) : "—"}
      </Table.Td>
      <Table.Td>
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate({ kind: props.kind, keepDays, enabled })}>
          {t("save")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Retention per data kind, purged daily by the privacy.retention job once enabled. */
export function RetentionPolicies() {
  const t = useTranslations("settings.privacy");
  const trpc = useTRPC();
  const policies = useQuery(trpc.privacy.retention.list.queryOptions());
  return (
    <Stack>
      <Title order={4}>{t("retention")}</Title>
      <Text c="dimmed" size="sm">
        {t("retentionIntro")}
      </Text>
      <Paper withBorder>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("dataKind")}</Table.Th>
              <Table.Th>{t("keepDays")}</Table.Th>
              <Table.Th>{t("dryRun")}</Table.Th>
              <Table.Th>{t("enabled")}</Table.Th>
              <Table.Th>{t("lastPurgedAt")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policies.data?.map((policy) => (
              <RetentionRow key={policy.kind} {...policy} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
