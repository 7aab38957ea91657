"use client";

import { Alert, Badge, Button, Code, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { errorGroupStatuses, errorScopes } from "~/shared/schemas/errors";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";

type Scope = (typeof errorScopes)[number];
type Status = (typeof errorGroupStatuses)[number];
const statusColor: Record<Status, string> = { open: "red", resolved: "teal", ignored: "gray" };
/** What a group can be moved to: every status but its own. */
const statusActions = [
  { status: "resolved", label: "resolve", variant: "light", color: "teal" },
  { status: "ignored", label: "ignore", variant: "light", color: "gray" },
  { status: "open", label: "reopen", variant: "default", color: undefined },
] as const;

/** Unhandled errors of the web, the worker and members' browsers, grouped; admins resolve or ignore them. */
export function ErrorsPanel() {
  const t = useTranslations("settings.errorTracking");
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const trpc = useTRPC();
  const [scope, setScope] = useState<Scope>("organization");
  const [selected, setSelected] = useState<string | null>(null);
  const organization = useQuery(trpc.organization.current.queryOptions());
  const groups = useQuery(trpc.errors.list.queryOptions({ scope }));
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "short", timeStyle: "medium", timeZone: organization.data?.timezone });

  return (
    <Stack>
      <Text c="dimmed">{t("intro")}</Text>
      {groups.data?.canSeeSystem && (
        <SegmentedControl
          w="fit-content"
          value={scope}
          onChange={(value) => {
            setScope(value as Scope);
            setSelected(null);
          }}
          data={[
            { value: "organization", label: t("scopeOrganization") },
            { value: "system", label: t("scopeSystem") },
          ]}
          data-testid="error-scope"
        />
      )}
      {groups.error && <Alert color="red">{messageOf(groups.error, "")}</Alert>}
      {groups.data?.groups.length === 0 && (
        <Paper withBorder p="lg" data-testid="error-groups-empty">
          <Text c="dimmed" ta="center">
            {t("empty")}
          </Text>
        </Paper>
      )}
      {!!groups.data?.groups.length && (
        <Paper withBorder>
          <DataTable
            testId="error-groups"
            verticalSpacing="sm"
            highlightOnHover
            minWidth={800}
            rows={groups.data.groups}
            rowKey={(group) => group.id}
            rowProps={(group) => ({ "data-testid": "error-group-row", "data-group-id": group.id })}
            onRowClick={(group) => setSelected(group.id === selected ? null : group.id)}
            columns={[
              {
                key: "error",
                header: t("error"),
                cellProps: () => ({ maw: 360 }),
                cell: (group) => (
                  <>
                    <Text size="sm" fw={500}>
                      {group.errorName}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {group.message}
                    </Text>
                  </>
                ),
              },
              { key: "source", header: t("source"), cell: (group) => t(`sources.${group.source}`) },
              {
                key: "count",
                header: t("count"),
                cellProps: () => ({ "data-testid": "error-group-count" }),
                cell: (group) => group.count,
              },
              {
                key: "firstSeen",
                header: t("firstSeen"),
                cellProps: () => ({ style: { whiteSpace: "nowrap" } }),
                cell: (group) => when(group.firstSeenAt),
              },
              {
                key: "lastSeen",
                header: t("lastSeen"),
                cellProps: () => ({ style: { whiteSpace: "nowrap" } }),
                cell: (group) => when(group.lastSeenAt),
              },
              {
                key: "status",
                header: t("status"),
                cell: (group) => (
                  <Badge color={statusColor[group.status]} data-testid="error-group-status">
                    {t(`statuses.${group.status}`)}
                  </Badge>
                ),
              },
            ]}
          />
        </Paper>
      )}
      {selected && <ErrorGroupDetail groupId={selected} scope={scope} when={when} />}
    </Stack>
  );
}

function ErrorGroupDetail({ groupId, scope, when }: { groupId: string; scope: Scope; when: (date: Date) => string }) {
  const t = useTranslations("settings.errorTracking");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const group = useQuery(trpc.errors.get.queryOptions({ groupId }));
  const setStatus = useMutation(
    trpc.errors.setStatus.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.errors.list.queryKey({ scope }) });
        await queryClient.invalidateQueries({ queryKey: trpc.errors.get.queryKey({ groupId }) });
      },
    }),
  );
  const error = group.error ?? setStatus.error;
  const status = group.data?.status;

  return (
    <Paper withBorder p="md" data-testid="error-group-detail">
      <Stack>
        {error && <Alert color="red">{messageOf(error, "")}</Alert>}
        {group.data && (
          <>
            <Group justify="space-between">
              <div>
                <Text fw={600}>{group.data.errorName}</Text>
                <Text size="sm" c="dimmed">
                  {group.data.message}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("release", { release: group.data.lastRelease })}
                </Text>
              </div>
              <Group gap="xs">
                {statusActions
                  .filter((action) => action.status !== status)
                  .map((action) => (
                    <Button
                      key={action.status}
                      size="xs"
                      variant={action.variant}
                      color={action.color}
                      loading={setStatus.isPending}
                      onClick={() => setStatus.mutate({ groupId, status: action.status })}
                      data-testid={`error-${action.label}`}
                    >
                      {t(action.label)}
                    </Button>
                  ))}
              </Group>
            </Group>
            <Text fw={500} size="sm">
              {t("lastOccurrences")}
            </Text>
            {group.data.occurrences.map((occurrence) => (
              <Stack key={occurrence.id} gap={4} data-testid="error-occurrence">
                <Text size="xs" c="dimmed">
                  {when(occurrence.occurredAt)} · {t("release", { release: occurrence.release })}
                  {occurrence.traceId ? ` · ${t("trace", { traceId: occurrence.traceId })}` : ""}
                </Text>
                {Object.keys(occurrence.context).length > 0 && (
                  <Code block data-testid="error-occurrence-context">
                    {Object.entries(occurrence.context)
                      .map(([key, value]) => `${key}: ${String(value)}`)
                      .join("\n")}
                  </Code>
                )}
                <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }} data-testid="error-stack">
                  {occurrence.stack}
                </Code>
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
