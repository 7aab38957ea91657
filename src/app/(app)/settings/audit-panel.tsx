"use client";

import { Alert, Badge, Button, Code, Drawer, Group, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useFormatter, useMessages, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { AuditFilter } from "~/shared/schemas/audit";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { DataTable } from "../../_components/data-table";

const PAGE_SIZE = 50;

/** The codes a catalog words under `settings.audit.<group>`, nested by their dots ("quick_reply.created"). */
/** Parameters whose values are codes of the reports page, and the group that words them there. */
const reportValueGroups: Record<string, string | undefined> = { dimension: "dimensions", comparison: "comparisons" };

function wordedCodes(group: unknown, prefix = ""): string[] {
  if (!group || typeof group !== "object") return [];
  return Object.entries(group).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : wordedCodes(value, `${prefix}${key}.`),
  );
}

/** A day picked on the page (the browser's calendar) as the instant it starts, the next day's for `to`. */
function dayStart(day: string, plusDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00`);
  start.setDate(start.getDate() + plusDays);
  return Number.isNaN(start.getTime()) ? undefined : start;
}

/** The export route reads the same filter from the query string, so the file holds the rows listed here. */
export function auditExportUrl(filter: AuditFilter): string {
  const params = new URLSearchParams();
  if (filter.actorUserId) params.set("actorUserId", filter.actorUserId);
  if (filter.action) params.set("action", filter.action);
  if (filter.targetType) params.set("targetType", filter.targetType);
  if (filter.from) params.set("from", filter.from.toISOString());
  if (filter.to) params.set("to", filter.to.toISOString());
  const query = params.toString();
  return `/api/audit/export${query ? `?${query}` : ""}`;
}

/** Configurações → Auditoria: who did what, filtered by actor, action, entity and period; exported as shown. */
export function AuditPanel() {
  const t = useTranslations("settings.audit");
  const tReports = useTranslations("reports");
  const messages = useMessages() as {
    settings?: { audit?: { actionNames?: unknown; entityNames?: unknown; paramNames?: unknown } };
  };
  const { messageOf } = useErrorWording();
  const format = useFormatter();
  const trpc = useTRPC();
  const [actorUserId, setActorUserId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [targetType, setTargetType] = useState<string | null>(null);
  const [fromDay, setFromDay] = useState("");
  const [toDay, setToDay] = useState("");
  const [openId, setOpenId] = useState<string | null>(null);
  const organization = useQuery(trpc.organization.current.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions());

  const filter: AuditFilter = useMemo(
    () => ({
      actorUserId: actorUserId ?? undefined,
      action: action ?? undefined,
      targetType: targetType ?? undefined,
      from: dayStart(fromDay),
      to: dayStart(toDay, 1),
    }),
    [actorUserId, action, targetType, fromDay, toDay],
  );
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { filter, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];
  const total = entries.data?.pages[0]?.total;
  const open = rows.find((row) => row.id === openId) ?? null;

  const actionCodes = wordedCodes(messages.settings?.audit?.actionNames);
  const entityCodes = wordedCodes(messages.settings?.audit?.entityNames);
  const paramCodes = wordedCodes(messages.settings?.audit?.paramNames);
  const paramWord = (key: string) => (paramCodes.includes(key) ? t(`paramNames.${key}`) : key);
  // A saved report's definition carries codes (dimension, comparison): worded as on the reports page.
  const valueWord = (key: string, value: string) => {
    const group = reportValueGroups[key];
    return group && tReports.has(`${group}.${value}`) ? tReports(`${group}.${value}`) : value;
  };
  const actionWord = (code: string) => (actionCodes.includes(code) ? t(`actionNames.${code}`) : code);
  const entityWord = (code: string) => (entityCodes.includes(code) ? t(`entityNames.${code}`) : code);
  const timeZone = organization.data?.timezone;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium", timeZone });
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

  return (
    <Stack>
      <Text c="dimmed">{t("intro")}</Text>
      <Group align="end" wrap="wrap">
        <FilterSelect
          label={t("actor")}
          placeholder={t("anyone")}
          value={actorUserId}
          onChange={setActorUserId}
          data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
          testId="audit-actor"
        />
        <FilterSelect
          label={t("action")}
          placeholder={t("anyAction")}
          value={action}
          onChange={setAction}
          data={actionCodes.map((code) => ({ value: code, label: actionWord(code) })).sort(byName)}
          testId="audit-action"
        />
        <FilterSelect
          label={t("entity")}
          placeholder={t("anyEntity")}
          value={targetType}
          onChange={setTargetType}
          data={entityCodes.map((code) => ({ value: code, label: entityWord(code) })).sort(byName)}
          testId="audit-entity"
        />
        <TextInput
          type="date"
          label={t("from")}
          value={fromDay}
          onChange={(event) => setFromDay(event.currentTarget.value)}
          data-testid="audit-from"
        />
        <TextInput
          type="date"
          label={t("to")}
          value={toDay}
          onChange={(event) => setToDay(event.currentTarget.value)}
          data-testid="audit-to"
        />
        <Button
          component="a"
          href={auditExportUrl(filter)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
          data-testid="audit-export"
        >
          {t("export")}
        </Button>
      </Group>
      {entries.error && <Alert color="red">{messageOf(entries.error, t("loadError"))}</Alert>}
      {total !== undefined && (
        <Text size="sm" c="dimmed" data-testid="audit-total">
          {t("showing", { shown: rows.length, total })}
        </Text>
      )}
      <Paper withBorder>
        <DataTable
          testId="audit-table"
          highlightOnHover
          minWidth={800}
          rows={entries.data ? rows : undefined}
          rowKey={(row) => row.id}
          onRowClick={(row) => setOpenId(row.id)}
          rowProps={(row) => ({ "data-testid": "audit-row", "data-action": row.action })}
          empty={t("empty")}
          emptyTestId="audit-empty"
          columns={[
            {
              key: "when",
              header: t("when"),
              cell: (row) => when(row.createdAt),
              cellProps: () => ({ style: { whiteSpace: "nowrap" } }),
            },
            {
              key: "actor",
              header: t("actor"),
              cell: (row) => (row.actor ? row.actor.name : <Text c="dimmed">{t("system")}</Text>),
            },
            { key: "action", header: t("action"), cell: (row) => actionWord(row.action) },
            {
              key: "entity",
              header: t("entity"),
              cell: (row) => (
                <Badge variant="light" color="gray">
                  {entityWord(row.targetType)}
                </Badge>
              ),
            },
          ]}
        />
      </Paper>
      {entries.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
            data-testid="audit-more"
          >
            {t("loadMore")}
          </Button>
        </Group>
      )}
      <Drawer opened={open !== null} onClose={() => setOpenId(null)} position="right" size="lg" title={t("detail")}>
        {open && (
          <Stack gap="xs" data-testid="audit-detail">
            <Text fw={600}>{actionWord(open.action)}</Text>
            <Text size="sm">{when(open.createdAt)}</Text>
            <Text size="sm">{open.actor ? `${open.actor.name} · ${open.actor.email}` : t("system")}</Text>
            <Text size="sm">
              {entityWord(open.targetType)}
              {open.targetId && (
                <>
                  {" · "}
                  <Code>{open.targetId}</Code>
                </>
              )}
            </Text>
            <Text size="sm" fw={600} mt="sm">
              {t("details")}
            </Text>
            <DetailTable metadata={open.metadata} empty={t("noDetails")} wordKey={paramWord} wordValue={valueWord} />
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}

function FilterSelect(props: {
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (value: string | null) => void;
  data: { value: string; label: string }[];
  testId: string;
}) {
  const { testId, ...rest } = props;
  return <Select {...rest} clearable searchable w={240} data-testid={testId} />;
}

/** An entry's parameters, one per line, named in the UI's language; values are data (ids, counts), as stored, but for known codes. */
function DetailTable({
  metadata,
  empty,
  wordKey,
  wordValue,
}: {
  metadata: unknown;
  empty: string;
  wordKey: (key: string) => string;
  wordValue: (key: string, value: string) => string;
}) {
  const pairs = metadata && typeof metadata === "object" ? Object.entries(metadata) : [];
  if (!pairs.length)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Table withTableBorder data-testid="audit-detail-params">
      <Table.Tbody>
        {pairs.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Td>{wordKey(key)}</Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>
              <Code>
                {typeof value === "string"
                  ? wordValue(key, value)
                  : typeof value === "number" || typeof value === "boolean"
                    ? String(value)
                    : JSON.stringify(value)}
              </Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
