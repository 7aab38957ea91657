"use client";

import { Loader, Stack, Text } from "@mantine/core";
import { useLocale, useTranslations } from "next-intl";
import { dateTime } from "~/shared/format/time";
import type { CampaignPaceEstimate } from "./types";

/** The server's estimate in words: pace with the chosen numbers, and when the last message would go. */
export function PaceEstimate(props: {
  estimate: CampaignPaceEstimate | undefined;
  loading: boolean;
  timeZone: string;
}) {
  const t = useTranslations("campaigns.pace");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const estimate = props.estimate;
  if (!estimate)
    return props.loading ? (
      <Loader size="xs" />
    ) : (
      <Text size="sm" c="dimmed" data-testid="pace-estimate">
        {t("incomplete")}
      </Text>
    );
  return (
    <Stack
      gap={2}
      data-testid="pace-estimate"
      data-per-day={estimate.perDay}
      data-per-hour={estimate.perHour}
      data-finish={estimate.finishAt ?? ""}
    >
      <Text size="sm" c="dimmed">
        {t("rate", {
          perHour: number.format(estimate.perHour),
          perDay: number.format(estimate.perDay),
          numbers: estimate.connectedOnly
            ? estimate.numbers.filter((n) => n.state === "open").length
            : estimate.numbers.length,
        })}
      </Text>
      <Text size="sm" data-testid="pace-finish">
        {estimate.finishAt
          ? t("finish", {
              count: estimate.recipients,
              time: dateTime(estimate.finishAt, props.timeZone, locale),
            })
          : t("unfinished", {
              sendable: number.format(estimate.sendable),
              count: estimate.recipients,
            })}
      </Text>
      {!estimate.connectedOnly && estimate.numbers.length > 0 && (
        <Text size="xs" c="orange">
          {t("noneConnected")}
        </Text>
      )}
    </Stack>
  );
}
