"use client";

import { ActionIcon, Badge, Group, Menu, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconChecks, IconPencil } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { aiSentiments, type AiSentiment } from "~/shared/ai-labels";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useLabelName } from "../../ai/_components/use-label-name";
import type { MessageDto } from "./types";

const SENTIMENT_COLORS: Record<AiSentiment, string> = { positive: "teal", neutral: "gray", negative: "red" };

/**
 * The AI's sentiment and label under an inbound message. One click confirms them; a chip's menu
 * corrects it. The new values come back with the message's live update.
 */
export function InsightChips({ message }: { message: MessageDto }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("ai.chips");
  const tSentiment = useTranslations("ai.sentiments");
  const labelName = useLabelName();
  const trpc = useTRPC();
  const labels = useQuery({ ...trpc.ai.labels.queryOptions(), staleTime: 5 * 60_000 });
  const review = useMutation(
    trpc.ai.review.mutationOptions({
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("reviewError")) }),
    }),
  );
  const insight = message.insight;
  if (!insight) return null;
  const submit = (sentiment: AiSentiment, label: string | null) =>
    review.mutate({ messageId: message.id, sentiment, label });

  return (
    <Group
      gap={4}
      px={6}
      data-testid="insight-chips"
      data-label={insight.label ?? ""}
      data-sentiment={insight.sentiment}
    >
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Badge
            component="button"
            variant="light"
            size="sm"
            color={SENTIMENT_COLORS[insight.sentiment]}
            style={{ cursor: "pointer", textTransform: "none" }}
            title={t("changeSentiment")}
            data-testid="insight-sentiment"
          >
            {tSentiment(insight.sentiment)}
          </Badge>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("changeSentiment")}</Menu.Label>
          {aiSentiments.map((sentiment) => (
            <Menu.Item key={sentiment} onClick={() => submit(sentiment, insight.label)}>
              {tSentiment(sentiment)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Badge
            component="button"
            variant="outline"
            size="sm"
            color="indigo"
            style={{ cursor: "pointer", textTransform: "none" }}
            title={t("changeLabel")}
            data-testid="insight-label"
          >
            {labelName(insight.label)}
          </Badge>
        </Menu.Target>
        <Menu.Dropdown data-testid="insight-label-menu">
          <Menu.Label>{t("changeLabel")}</Menu.Label>
          {[...(labels.data ?? []), null].map((label) => (
            <Menu.Item key={label ?? "none"} data-label={label ?? ""} onClick={() => submit(insight.sentiment, label)}>
              {labelName(label)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {insight.review === null ? (
        <Tooltip label={t("confirm")}>
          <ActionIcon
            variant="subtle"
            size="sm"
            color="teal"
            aria-label={t("confirm")}
            loading={review.isPending}
            onClick={() => submit(insight.sentiment, insight.label)}
            data-testid="insight-confirm"
          >
            <IconCheck size={14} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Tooltip label={insight.review === "confirmed" ? t("confirmed") : t("corrected")}>
          <span data-testid="insight-reviewed" data-review={insight.review} style={{ display: "inline-flex" }}>
            {insight.review === "confirmed" ? (
              <IconChecks size={14} color="var(--mantine-color-teal-7)" />
            ) : (
              <IconPencil size={14} color="var(--mantine-color-indigo-7)" />
            )}
          </span>
        </Tooltip>
      )}
    </Group>
  );
}
