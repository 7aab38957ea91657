"use client";

import { Alert, Badge, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorWording } from "~/trpc/errors";
import type { ImportReport } from "../types";

/** What the import will do, before anything is written. */
export function ReviewStep(props: { report: ImportReport; onBack: () => void; onNext: () => void }) {
  const t = useTranslations("contacts.import.review");
  const tConsent = useTranslations("contacts.consent");
  const tImport = useTranslations("contacts.import");
  const { wordReason } = useErrorWording();
  const format = useFormatter();
  const { report } = props;
  /** A row's reasons, each worded; one in a custom field names the field first. */
  const reasonsOf = (row: ImportReport["rejected"][number]) =>
    row.issues
      .map(({ reason, params }) => {
        const text = wordReason(reason, params);
        return typeof params.field === "string" ? tImport("fieldIssue", { field: params.field, issue: text }) : text;
      })
      .join(" ");
  const figure = (label: string, value: number, testId: string, color?: string) => (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {format.number(value)}
      </Text>
    </Paper>
  );

  return (
    <Stack data-testid="import-preview">
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {figure(t("total"), report.totalRows, "import-total")}
        {figure(t("valid"), report.validRows, "import-valid", "teal")}
        {figure(t("rejected"), report.rejectedRows, "import-rejected", report.rejectedRows ? "red" : undefined)}
        {figure(t("new"), report.newContacts, "import-new")}
        {figure(t("existing"), report.existingContacts, "import-existing")}
        {figure(
          t("duplicates"),
          report.duplicateRows,
          "import-duplicates",
          report.duplicateRows ? "orange" : undefined,
        )}
      </SimpleGrid>
      {report.existingContacts > 0 && <Text size="sm">{t("existingExplain")}</Text>}
      {report.consent && (
        <Paper withBorder p="sm">
          <Stack gap={6}>
            <Text fw={500} size="sm">
              {t("consentTitle")}
            </Text>
            <Text size="sm">
              {t("consentSummary", {
                optedIn: report.consent.optedIn,
                optedOut: report.consent.optedOut,
                blank: report.consent.blank,
              })}
            </Text>
            <Group gap={6}>
              {report.consent.values.map((value) => (
                <Badge
                  key={value.value}
                  variant="light"
                  color={
                    !value.recognised
                      ? "red"
                      : value.status === "opted_in"
                        ? "teal"
                        : value.status === "opted_out"
                          ? "red"
                          : "gray"
                  }
                  style={{ textTransform: "none" }}
                >
                  “{value.value || t("blankValue")}” →{" "}
                  {value.recognised ? (value.status ? tConsent(value.status) : t("keep")) : t("notUnderstood")} (
                  {value.rows})
                </Badge>
              ))}
            </Group>
            {report.consent.optOutKept > 0 && (
              <Alert color="yellow" data-testid="import-optout-kept">
                {t("optOutKept", { count: report.consent.optOutKept })}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      {report.newTagCount > 0 && (
        <Text size="sm">
          {t("newTags", { count: report.newTagCount, names: report.newTags.slice(0, 10).join(", ") })}
        </Text>
      )}
      {report.rejected.length > 0 && (
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {t("invalidTitle")}
          </Text>
          <ScrollArea.Autosize mah={260} type="auto">
            <Table striped fz="xs" data-testid="import-invalid-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t("row")}</Table.Th>
                  <Table.Th w={160}>{t("phone")}</Table.Th>
                  <Table.Th>{t("reason")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.map((row) => (
                  <Table.Tr
                    key={row.rowNumber}
                    data-testid="import-invalid-row"
                    data-row={row.rowNumber}
                    data-duplicate={row.duplicateOf !== null ? "true" : undefined}
                  >
                    <Table.Td>{row.rowNumber}</Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{row.phone}</Table.Td>
                    <Table.Td>{reasonsOf(row)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {report.rejectedRows > report.rejected.length && (
            <Text size="xs" c="dimmed">
              {t("moreRejected", { count: report.rejectedRows - report.rejected.length })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t("reportLater")}
          </Text>
        </Stack>
      )}
      {report.validRows === 0 && <Alert color="red">{t("nothingValid")}</Alert>}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>
          {t("back")}
        </Button>
        <Button onClick={props.onNext} disabled={report.validRows === 0} data-testid="review-next">
          {t("next")}
        </Button>
      </Group>
    </Stack>
  );
}
