"use client";

import { Alert, Code, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";
import { ProfilingPanel } from "./profiling-panel";

/** The app's slow queries with their plans, and profiles on request (platform admins; others see why not). */
export function PerformancePanel() {
  const t = useTranslations("settings.performance");
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const trpc = useTRPC();
  // The same answer that offers the system-wide errors says whether this person is a platform admin.
  const access = useQuery(trpc.errors.list.queryOptions({ scope: "organization" }));
  const allowed = access.data?.canSeeSystem === true;
  const queries = useQuery(trpc.performance.slowQueries.queryOptions(undefined, { enabled: allowed }));
  const [open, setOpen] = useState<string | null>(null);
  const ms = (value: number) => t("ms", { ms: format.number(value, { maximumFractionDigits: 0 }) });

  return (
    <Stack>
      <Text c="dimmed">{t("intro")}</Text>
      {access.data && !allowed && (
        <Alert color="gray" data-testid="performance-platform-only">
          {t("platformOnly")}
        </Alert>
      )}
      {(access.error ?? queries.error) && <Alert color="red">{messageOf(access.error ?? queries.error, "")}</Alert>}
      {queries.data?.length === 0 && (
        <Paper withBorder p="lg" data-testid="slow-queries-empty">
          <Text c="dimmed" ta="center">
            {t("empty")}
          </Text>
        </Paper>
      )}
      {!!queries.data?.length && (
        <Paper withBorder>
          <DataTable
            testId="slow-queries"
            verticalSpacing="sm"
            highlightOnHover
            minWidth={800}
            rows={queries.data}
            rowKey={(query) => query.id}
            rowProps={() => ({ "data-testid": "slow-query-row" })}
            onRowClick={(query) => setOpen(open === query.id ? null : query.id)}
            expanded={(query) =>
              open === query.id && (
                <Stack gap="xs">
                  <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                    {query.query}
                  </Code>
                  <Text size="sm" fw={500}>
                    {t("plan")}
                  </Text>
                  <Code block data-testid="slow-query-plan">
                    {query.explain ?? t("noPlan")}
                  </Code>
                </Stack>
              )
            }
            columns={[
              {
                key: "query",
                header: t("query"),
                cellProps: () => ({ maw: 480 }),
                cell: (query) => (
                  <Code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{query.query.slice(0, 300)}</Code>
                ),
              },
              { key: "count", header: t("count"), cell: (query) => query.count },
              { key: "max", header: t("max"), cell: (query) => ms(query.maxMs) },
              { key: "average", header: t("average"), cell: (query) => ms(query.totalMs / Math.max(1, query.count)) },
              {
                key: "lastSeen",
                header: t("lastSeen"),
                cellProps: () => ({ style: { whiteSpace: "nowrap" } }),
                cell: (query) => format.dateTime(query.lastSeenAt, { dateStyle: "short", timeStyle: "medium" }),
              },
            ]}
          />
        </Paper>
      )}
      <ProfilingPanel allowed={allowed} />
    </Stack>
  );
}
