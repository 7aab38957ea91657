"use client";

import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatBytes } from "~/shared/format/bytes";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";

const statusColor = { running: "blue", succeeded: "green", failed: "red" } as const;
/** Failure codes a backup run records (create-backup's failureReason); any other reads as the generic one. */
const knownFailures = new Set([
  "backupFailed",
  "backupStorageUnavailable",
  "postgresClientTooOld",
  "postgresToolMissing",
]);

/** The installation's backups, local and uploaded, and "back up now" (platform admins; others see why not). */
export function BackupsPanel() {
  const t = useTranslations("settings.backups");
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The same answer that offers the system-wide errors says whether this person is a platform admin.
  const access = useQuery(trpc.errors.list.queryOptions({ scope: "organization" }));
  const allowed = access.data?.canSeeSystem === true;
  const list = useQuery(trpc.backups.list.queryOptions(undefined, { enabled: allowed, refetchInterval: 10_000 }));
  const run = useMutation(
    trpc.backups.run.mutationOptions({
      onSuccess: (result) => {
        notifications.show({ message: result.queued ? t("queued") : t("alreadyQueued") });
        void queryClient.invalidateQueries({ queryKey: trpc.backups.list.queryKey() });
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("runNow")) }),
    }),
  );
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "short", timeStyle: "short" }) : "—");
  const failure = (code: string) => t(`failures.${knownFailures.has(code) ? code : "backupFailed"}`);

  return (
    <Stack>
      <Text c="dimmed">{t("intro")}</Text>
      {access.data && !allowed && (
        <Alert color="gray" data-testid="backups-platform-only">
          {t("platformOnly")}
        </Alert>
      )}
      {(access.error ?? list.error) && <Alert color="red">{messageOf(access.error ?? list.error, "")}</Alert>}
      {list.data && (
        <Group justify="space-between">
          <Stack gap={2}>
            <Text size="sm" data-testid="backups-next-run">
              {list.data.nextRunAt ? t("nextRun", { at: when(list.data.nextRunAt) }) : t("noSchedule")}
            </Text>
            <Text size="sm" c="dimmed">
              {list.data.remoteBucket ? t("remoteBucket", { bucket: list.data.remoteBucket }) : t("noRemote")}
            </Text>
          </Stack>
          <Button loading={run.isPending} onClick={() => run.mutate()} data-testid="backups-run-now">
            {t("runNow")}
          </Button>
        </Group>
      )}
      {list.data?.backups.length === 0 && (
        <Paper withBorder p="lg" data-testid="backups-empty">
          <Text c="dimmed" ta="center">
            {t("empty")}
          </Text>
        </Paper>
      )}
      {!!list.data?.backups.length && (
        <Paper withBorder>
          <DataTable
            testId="backups"
            verticalSpacing="sm"
            minWidth={900}
            rows={list.data.backups}
            rowKey={(backup) => backup.id}
            rowProps={(backup) => ({ "data-testid": "backup-row", "data-status": backup.status })}
            columns={[
              { key: "startedAt", header: t("startedAt"), cell: (backup) => when(backup.startedAt) },
              { key: "trigger", header: t("trigger"), cell: (backup) => t(`triggers.${backup.trigger}`) },
              {
                key: "status",
                header: t("status"),
                cell: (backup) => (
                  <Stack gap={2}>
                    <Badge color={statusColor[backup.status]} variant="light">
                      {t(`statuses.${backup.status}`)}
                    </Badge>
                    {backup.failureReason && (
                      <Text size="xs" c="red" data-testid="backup-failure">
                        {failure(backup.failureReason)}
                      </Text>
                    )}
                  </Stack>
                ),
              },
              { key: "size", header: t("size"), cell: (backup) => formatBytes(backup.bytes, locale) },
              { key: "finishedAt", header: t("finishedAt"), cell: (backup) => when(backup.finishedAt) },
              {
                key: "local",
                header: t("local"),
                cell: (backup) => (
                  <Stack gap={2}>
                    <Text size="xs" ff="monospace">
                      {backup.location}
                    </Text>
                    {backup.pruned && <Text size="xs">{t("pruned")}</Text>}
                    <Group gap="xs">
                      {backup.files.map((file) => (
                        <Anchor
                          key={file}
                          size="xs"
                          href={`/api/backups/${backup.id}/${file}`}
                          data-testid="backup-download"
                        >
                          {file}
                        </Anchor>
                      ))}
                    </Group>
                  </Stack>
                ),
              },
              {
                key: "remote",
                header: t("remote"),
                cell: (backup) => (
                  <Stack gap={2}>
                    {backup.remoteLocation && (
                      <Text size="xs" ff="monospace" data-testid="backup-remote">
                        {backup.remoteLocation}
                      </Text>
                    )}
                    {backup.remotePruned && <Text size="xs">{t("pruned")}</Text>}
                    {backup.remoteFailureReason && (
                      <Text size="xs" c="red" data-testid="backup-remote-failure">
                        {failure(backup.remoteFailureReason)}
                      </Text>
                    )}
                  </Stack>
                ),
              },
            ]}
          />
        </Paper>
      )}
    </Stack>
  );
}
