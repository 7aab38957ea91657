"use client";

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { requestProfileInput, PROFILE_MAX_SECONDS, PROFILE_MIN_SECONDS } from "~/shared/schemas/profiling";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";
import { useFormCheck } from "../../_components/use-schema-validation";

type Target = "web" | "worker";
type Kind = "cpu" | "heap";
const STATE_COLORS = { pending: "gray", running: "blue", done: "teal", failed: "red" } as const;

/** CPU profiles and heap snapshots of the web or worker process on request (platform admins only). */
export function ProfilingPanel({ allowed }: { allowed: boolean }) {
  const t = useTranslations("settings.performance.profiling");
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target>("worker");
  const [kind, setKind] = useState<Kind>("cpu");
  const [durationSeconds, setDurationSeconds] = useState<number | string>(10);
  const profiles = useQuery(
    trpc.performance.profiles.queryOptions(undefined, {
      enabled: allowed,
      // While one waits or runs, watch it finish.
      refetchInterval: (query) =>
        query.state.data?.some((p) => p.state === "pending" || p.state === "running") ? 2_000 : false,
    }),
  );
  const request = useMutation(
    trpc.performance.requestProfile.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.performance.profiles.queryKey() }),
    }),
  );
  const { errors, check } = useFormCheck(requestProfileInput, request.error);
  if (!allowed) return null;

  const submit = () =>
    check(kind === "cpu" ? { kind, target, durationSeconds: Number(durationSeconds) } : { kind, target }, (input) =>
      request.mutate(input),
    );
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "");
  const size = (bytes: number | null) =>
    bytes === null ? "" : t("megabytes", { mb: format.number(bytes / 1_048_576, { maximumFractionDigits: 1 }) });

  return (
    <Stack data-testid="profiling">
      <Title order={4}>{t("title")}</Title>
      <Text c="dimmed">{t("intro")}</Text>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <Select
            label={t("process")}
            data={[
              { value: "web", label: t("targets.web") },
              { value: "worker", label: t("targets.worker") },
            ]}
            value={target}
            allowDeselect={false}
            onChange={(value) => value && setTarget(value as Target)}
            data-testid="profile-target"
          />
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            data={[
              { value: "cpu", label: t("kinds.cpu") },
              { value: "heap", label: t("kinds.heap") },
            ]}
            data-testid="profile-kind"
          />
          {kind === "cpu" && (
            <NumberInput
              label={t("duration")}
              min={PROFILE_MIN_SECONDS}
              max={PROFILE_MAX_SECONDS}
              value={durationSeconds}
              onChange={setDurationSeconds}
              error={errors.durationSeconds}
              w={140}
              data-testid="profile-duration"
            />
          )}
          <Button onClick={submit} loading={request.isPending} data-testid="profile-request">
            {t("record")}
          </Button>
        </Group>
        {kind === "heap" && (
          <Text size="sm" c="dimmed" mt="xs">
            {t("heapPause")}
          </Text>
        )}
      </Paper>
      {(request.error ?? profiles.error) && !errors.durationSeconds && (
        <Alert color="red">{messageOf(request.error ?? profiles.error, "")}</Alert>
      )}
      {profiles.data?.length === 0 && (
        <Text c="dimmed" data-testid="profiles-empty">
          {t("empty")}
        </Text>
      )}
      {!!profiles.data?.length && (
        <Paper withBorder>
          <DataTable
            testId="profiles"
            verticalSpacing="sm"
            minWidth={800}
            rows={profiles.data}
            rowKey={(profile) => profile.id}
            rowProps={(profile) => ({ "data-testid": "profile-row", "data-profile-id": profile.id })}
            columns={[
              { key: "requested", header: t("requestedAt"), cell: (profile) => when(profile.requestedAt) },
              { key: "process", header: t("process"), cell: (profile) => t(`targets.${profile.target}`) },
              {
                key: "kind",
                header: t("kind"),
                cell: (profile) =>
                  profile.kind === "cpu" ? t("cpuFor", { seconds: profile.durationSeconds ?? 0 }) : t("kinds.heap"),
              },
              {
                key: "state",
                header: t("state"),
                cell: (profile) => (
                  <Badge color={STATE_COLORS[profile.state]} variant="light" data-testid="profile-state">
                    {t(`states.${profile.state}`)}
                  </Badge>
                ),
              },
              {
                key: "detail",
                header: t("detail"),
                cell: (profile) =>
                  profile.state === "failed"
                    ? t(`failures.${profile.failureReason ?? "profilerFailed"}`)
                    : (profile.processLabel ?? ""),
              },
              {
                key: "file",
                header: t("file"),
                cell: (profile) =>
                  profile.state === "done" && (
                    <Anchor href={`/api/profiles/${profile.id}`} download data-testid="profile-download">
                      {t("download", { size: size(profile.sizeBytes) })}
                    </Anchor>
                  ),
              },
            ]}
          />
        </Paper>
      )}
    </Stack>
  );
}
