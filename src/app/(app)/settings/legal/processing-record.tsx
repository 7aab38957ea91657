"use client";

import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";

/** The record of processing (LGPD Art. 37), generated from the configuration; downloadable as JSON. */
export function ProcessingRecord() {
  const t = useTranslations("settings.legal");
  const tl = useTranslations("legal");
  const trpc = useTRPC();
  const record = useQuery(trpc.legal.processingRecord.queryOptions());
  const days = (keepDays: number | null) => (keepDays === null ? t("keptUntilDeleted") : t("days", { days: keepDays }));
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>{t("record")}</Title>
            <Text size="sm" c="dimmed">
              {t("recordIntro")}
            </Text>
          </div>
          <Anchor href="/api/legal/processing-record" download data-testid="record-download">
            {t("download")}
          </Anchor>
        </Group>
        {record.data && (
          <>
            <Table data-testid="record-activities">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("purpose")}</Table.Th>
                  <Table.Th>{t("legalBasis")}</Table.Th>
                  <Table.Th>{t("categories")}</Table.Th>
                  <Table.Th>{t("retention")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.data.activities.map((a) => (
                  <Table.Tr key={a.purpose}>
                    <Table.Td>{tl(`purpose.${a.purpose}`)}</Table.Td>
                    <Table.Td>{a.legalBases.map((b) => tl(`legalBasis.${b}`)).join("; ")}</Table.Td>
                    <Table.Td>{a.dataCategories.map((c) => tl(`dataCategory.${c}`)).join(", ")}</Table.Td>
                    <Table.Td>
                      {a.retention.map((r) => `${tl(`retentionKind.${r.kind}`)}: ${days(r.keepDays)}`).join("; ")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table data-testid="record-processors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("processor")}</Table.Th>
                  <Table.Th>{t("host")}</Table.Th>
                  <Table.Th>{t("country")}</Table.Th>
                  <Table.Th>{t("transfer")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.data.processors.map((p) => (
                  <Table.Tr key={p.role}>
                    <Table.Td>
                      {tl(`processorRole.${p.role}`)} {!p.active && <Badge color="gray">{t("inactive")}</Badge>}
                    </Table.Td>
                    <Table.Td>{p.host}</Table.Td>
                    <Table.Td>
                      {tl.has(`country.${p.country}`) ? tl(`country.${p.country}` as "country.BR") : p.country}
                    </Table.Td>
                    <Table.Td>{p.internationalTransfer ? <Badge color="orange">{t("yes")}</Badge> : t("no")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
