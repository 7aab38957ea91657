"use client";

import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { useRealtimeEvent } from "../../../../_components/realtime-provider";

/** The running import, live (realtime event, with a slow poll as a safety net), then its outcome. */
export function ProgressStep(props: { importId: string; onRetry: () => void; retrying: boolean; onClose: () => void }) {
  const t = useTranslations("contacts.import.progress");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.contacts.imports.get.queryKey({ importId: props.importId });
  const job = useQuery({
    ...trpc.contacts.imports.get.queryOptions({ importId: props.importId }),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 5000 : false),
  });
  useRealtimeEvent("contact-import.updated", (event) => {
    if (event.importId === props.importId) void queryClient.invalidateQueries({ queryKey: key });
  });
  const data = job.data;
  const finished = data?.status === "completed" || data?.status === "failed";
  // The list behind the wizard shows what the import wrote as soon as it is done, not at the next event.
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.count.pathKey() });
  }, [finished, queryClient, trpc]);
  if (!data) return <Progress value={0} animated />;
  const percent = data.totalRows ? Math.round((data.processedRows / data.totalRows) * 100) : 0;
  const figure = (label: string, value: number, testId: string) => (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {format.number(value)}
      </Text>
    </Paper>
  );

  if (data.status === "running" || data.status === "previewed")
    return (
      <Stack data-testid="import-progress" data-processed={data.processedRows} data-total={data.totalRows}>
        <Text size="sm">
          {t("running", { processed: format.number(data.processedRows), total: format.number(data.totalRows) })}
        </Text>
        <Progress value={percent} animated size="lg" aria-label={t("label")} />
        <Text size="xs" c="dimmed">
          {t("background")}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("hide")}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Stack data-testid="import-done" data-status={data.status}>
      {data.status === "failed" ? (
        <Alert color="red" title={t("failedTitle")} data-testid="import-failed">
          {data.error}
        </Alert>
      ) : (
        <Alert color="teal" title={t("doneTitle")}>
          {t("done", { file: data.fileName })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {figure(t("created"), data.createdCount, "import-created")}
        {figure(t("updated"), data.updatedCount, "import-updated")}
        {figure(t("unchanged"), data.unchangedCount, "import-unchanged")}
        {figure(t("rejected"), data.rejectedCount, "import-rejected-count")}
      </SimpleGrid>
      {data.hasReport && (
        <Anchor href={`/api/contacts/imports/${data.id}/report`} download data-testid="import-report-link">
          <Group gap={6}>
            <IconDownload size={16} />
            {t("report", { count: data.rejectedCount })}
          </Group>
        </Anchor>
      )}
      <Group justify="flex-end">
        {data.status === "failed" && (
          <Button variant="light" onClick={props.onRetry} loading={props.retrying}>
            {t("retry")}
          </Button>
        )}
        <Button onClick={props.onClose} data-testid="import-close">
          {t("close")}
        </Button>
      </Group>
    </Stack>
  );
}
