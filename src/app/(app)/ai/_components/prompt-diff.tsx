"use client";

import { Paper, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";

/** What changed from the active version to this one, word by word. */
export function PromptDiff({ fromId, toId }: { fromId: string; toId: string }) {
  const t = useTranslations("ai.prompts");
  const trpc = useTRPC();
  const diff = useQuery(trpc.aiPrompts.diff.queryOptions({ fromId, toId }));
  if (!diff.data) return null;
  return (
    <Paper withBorder p="xs" mt="sm" data-testid="prompt-diff">
      <Text size="xs" c="dimmed" mb={4}>
        {t("diffTitle")}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-prompt-text>
        {diff.data.map((part, index) =>
          part.kind === "same" ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === "added" ? (
            <ins key={index} style={{ background: "var(--mantine-color-green-light)" }}>
              {part.text}
            </ins>
          ) : (
            <del key={index} style={{ background: "var(--mantine-color-red-light)" }}>
              {part.text}
            </del>
          ),
        )}
      </Text>
    </Paper>
  );
}
