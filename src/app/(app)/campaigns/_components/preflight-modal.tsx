"use client";

import { Alert, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { ReasonLabel } from "./reason-label";
import type { PreflightReport } from "./types";

/** What the launch froze: who will receive the campaign and, reason by reason, who will not. */
export function PreflightModal(props: { report: PreflightReport | null; onContinue: () => void }) {
  const t = useTranslations("campaigns.preflight");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const report = props.report;
  const excluded = Object.entries(report?.excluded ?? {})
    .filter(([, count]) => (count ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));

  return (
    <Modal
      opened={!!report}
      onClose={props.onContinue}
      title={t("title")}
      closeOnClickOutside={false}
      size="lg"
      centered
    >
      {report && (
        <Stack data-testid="preflight-report">
          <Group gap="sm" wrap="nowrap">
            <IconCircleCheck size={28} color="var(--mantine-color-teal-6)" style={{ flexShrink: 0 }} />
            <Text>
              {t.rich("eligible", {
                count: report.eligible,
                audience: number.format(report.audience),
                strong: (chunks) => (
                  <Text span fw={700} data-testid="preflight-eligible" data-value={report.eligible}>
                    {chunks}
                  </Text>
                ),
              })}
            </Text>
          </Group>
          {report.eligible === 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
              {t("nobody")}
            </Alert>
          )}
          {excluded.length > 0 && (
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t("excluded", { count: excluded.reduce((sum, [, count]) => sum + (count ?? 0), 0) })}
              </Text>
              <Table withRowBorders={false} verticalSpacing={4}>
                <Table.Tbody>
                  {excluded.map(([reason, count]) => (
                    <Table.Tr key={reason} data-testid="preflight-exclusion" data-reason={reason}>
                      <Table.Td>
                        <ReasonLabel reason={reason} />
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {number.format(count ?? 0)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
          {!report.numbersChecked && (
            <Text size="sm" c="dimmed">
              {t("numbersNotChecked")}
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={props.onContinue} data-testid="preflight-continue">
              {t("continue")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
