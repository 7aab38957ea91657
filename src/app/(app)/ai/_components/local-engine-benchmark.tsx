"use client";

import { Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";

/** The local engine's measured accuracy on the labelled set the project ships (computed by the server on first use). */
export function LocalEngineBenchmark() {
  const t = useTranslations("ai.engine");
  const trpc = useTRPC();
  const locale = useLocale();
  const { data } = useQuery({ ...trpc.ai.localEngineBenchmark.queryOptions(), staleTime: Infinity });
  if (!data) return null;
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  return (
    <Text size="sm" mt={4} data-testid="local-engine-benchmark" data-label-accuracy={data.labelAccuracy}>
      {t("benchmark", {
        messages: data.messages,
        sentimentAccuracy: percent.format(data.sentimentAccuracy),
        sentimentF1: decimal.format(data.sentimentMacroF1),
        labelAccuracy: percent.format(data.labelAccuracy),
        labelF1: decimal.format(data.labelMacroF1),
        perSecond: Math.round(data.messagesPerSecond),
      })}
    </Text>
  );
}
