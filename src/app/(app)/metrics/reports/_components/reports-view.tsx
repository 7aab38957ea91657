"use client";

import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { SaveReportInput, SavedReportDto } from "~/shared/schemas/reports";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { newReport, ReportEditor } from "./report-editor";
import { ReportTableView } from "./report-table-view";

const definitionOf = (report: SavedReportDto): SaveReportInput => ({
  id: report.id,
  name: report.name,
  metrics: report.metrics,
  dimension: report.dimension,
  periodDays: report.periodDays,
  filters: report.filters,
  comparison: report.comparison ?? "none",
  schedule: report.schedule,
});

/** `/metrics/reports`: the organization's saved reports; `?id=` opens one (chart, table, downloads). */
export function ReportsView({ isAdmin, timezone }: { isAdmin: boolean; timezone: string }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const openId = useSearchParams().get("id");
  const [editing, setEditing] = useState<SaveReportInput | null>(null);
  const list = useQuery(trpc.reports.list.queryOptions());
  const opened = useQuery({ ...trpc.reports.open.queryOptions({ id: openId ?? "" }), enabled: Boolean(openId) });
  const remove = useMutation(
    trpc.reports.delete.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("deleted") });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
        router.push("/metrics/reports");
      },
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("saveError")) }),
    }),
  );
  const at = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: timezone });
  const scheduleOf = (report: SavedReportDto) =>
    report.nextRunAt
      ? `${t(`schedule.frequencies.${report.schedule.frequency}`)} · ${t("schedule.next", { at: at.format(report.nextRunAt) })}`
      : t("schedule.off");
  const open = (id: string) => router.push(`/metrics/reports?id=${id}`);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        <Group>
          <Anchor component={Link} href="/metrics" size="sm">
            {t("back")}
          </Anchor>
          {isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(newReport)} data-testid="report-new">
              {t("new")}
            </Button>
          )}
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t("hint")}
      </Text>
      {list.error && <Alert color="red">{messageOf(list.error, t("loadError"))}</Alert>}
      <Paper withBorder p="md">
        {list.data?.length === 0 ? (
          <Text c="dimmed" data-testid="reports-empty">
            {t("empty")}
          </Text>
        ) : (
          <Table data-testid="reports-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("columns.name")}</Table.Th>
                <Table.Th>{t("columns.rows")}</Table.Th>
                <Table.Th>{t("columns.period")}</Table.Th>
                <Table.Th>{t("columns.schedule")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((report) => (
                <Table.Tr key={report.id} data-testid={`report-row-${report.id}`}>
                  <Table.Td>{report.name}</Table.Td>
                  <Table.Td>{t(`dimensions.${report.dimension}`)}</Table.Td>
                  <Table.Td>{t("periodDays", { days: report.periodDays })}</Table.Td>
                  <Table.Td>{scheduleOf(report)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="light" onClick={() => open(report.id)}>
                      {t("open")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {openId && opened.error && <Alert color="red">{messageOf(opened.error, t("loadError"))}</Alert>}
      {openId && opened.data && (
        <Stack data-testid="report-opened">
          <Group justify="space-between">
            <Title order={3}>{opened.data.report.name}</Title>
            <Group>
              {(["xlsx", "csv"] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  href={`/api/reports/${opened.data.report.id}/export?format=${format}`}
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  data-testid={`report-download-${format}`}
                >
                  {t(format === "xlsx" ? "downloadXlsx" : "downloadCsv")}
                </Button>
              ))}
              {isAdmin && (
                <>
                  <Button
                    variant="light"
                    onClick={() => setEditing(definitionOf(opened.data.report))}
                    data-testid="report-edit"
                  >
                    {t("edit")}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    loading={remove.isPending}
                    onClick={() =>
                      window.confirm(t("deleteConfirm", { name: opened.data.report.name })) &&
                      remove.mutate({ id: opened.data.report.id })
                    }
                  >
                    {t("delete")}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <ReportTableView table={opened.data.table} locale={locale} />
        </Stack>
      )}
      {editing && (
        <ReportEditor
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setEditing(null);
            open(id);
          }}
        />
      )}
    </Stack>
  );
}
