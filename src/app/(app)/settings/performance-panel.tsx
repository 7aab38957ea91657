"use client";

import { Alert, Code, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** The app's slow queries with their plans (platform admins; others see why not). */
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
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="slow-queries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("query")}</Table.Th>
                  <Table.Th>{t("count")}</Table.Th>
                  <Table.Th>{t("max")}</Table.Th>
                  <Table.Th>{t("average")}</Table.Th>
                  <Table.Th>{t("lastSeen")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queries.data.map((query) => (
                  <Fragment key={query.id}>
                    <Table.Tr
                      data-testid="slow-query-row"
                      style={{ cursor: "pointer" }}
                      onClick={() => setOpen(open === query.id ? null : query.id)}
                    >
                      <Table.Td maw={480}>
                        <Code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                          {query.query.slice(0, 300)}
                        </Code>
                      </Table.Td>
                      <Table.Td>{query.count}</Table.Td>
                      <Table.Td>{ms(query.maxMs)}</Table.Td>
                      <Table.Td>{ms(query.totalMs / Math.max(1, query.count))}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {format.dateTime(query.lastSeenAt, { dateStyle: "short", timeStyle: "medium" })}
                      </Table.Td>
                    </Table.Tr>
                    {open === query.id && (
                      <Table.Tr>
                        <Table.Td colSpan={5}>
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
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
