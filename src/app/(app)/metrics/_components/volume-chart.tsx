"use client";

import { Paper, Text, Title } from "@mantine/core";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { inboxDrillDownHref } from "../../inbox/_components/filters-url";

/** Messages per organization day, inbound and outbound; a day's bar opens the inbox. */
export function VolumeChart({
  days,
  locale,
}: {
  days: { day: string; inbound: number; outbound: number }[];
  locale: string;
}) {
  const t = useTranslations("metrics.volume");
  const router = useRouter();
  // Days are calendar labels: formatted in UTC so no timezone shifts them.
  const label = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  const rows = days.map((d) => ({ ...d, label: label.format(new Date(`${d.day}T00:00:00Z`)) }));
  // The clicked bar's own row (not the chart's hover index, unset when the click comes before a hover): the
  // inbox then lists the conversations with a message on that organization day.
  const openInbox = (bar: { payload?: unknown }) => {
    const day = (bar.payload as { day?: string } | undefined)?.day;
    if (day) router.push(inboxDrillDownHref({ fromDay: day, toDay: day }));
  };
  return (
    <Paper withBorder p="md" data-testid="volume-chart">
      <Title order={4}>{t("title")}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t("drillHint")}
      </Text>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="inbound"
            name={t("inbound")}
            fill="var(--mantine-color-blue-6)"
            cursor="pointer"
            onClick={openInbox}
          />
          <Bar
            dataKey="outbound"
            name={t("outbound")}
            fill="var(--mantine-color-teal-6)"
            cursor="pointer"
            onClick={openInbox}
          />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
