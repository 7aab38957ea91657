"use client";

import { Badge, Button, Group, Menu, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconSparkles, IconWand } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { draftRewrites, type DraftRewrite } from "~/shared/auto-reply";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/**
 * Composer help: suggested replies (the provider's, or local ones from the knowledge base and quick
 * replies, labelled as such) and rewrites of the draft. Picking one only fills the composer: the agent
 * still sends, and what is sent settles the suggestion on the server.
 */
export function ComposerAssist({
  conversationId,
  draft,
  onPick,
}: {
  conversationId: string;
  draft: string;
  onPick: (text: string) => void;
}) {
  const t = useTranslations("inbox.assist");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const suggest = useMutation(trpc.aiReplies.suggest.mutationOptions());
  const rewrite = useMutation(trpc.aiReplies.rewrite.mutationOptions({ onSuccess: (result) => onPick(result.body) }));
  const error = suggest.error ?? rewrite.error;

  function rewriteAs(kind: DraftRewrite) {
    rewrite.mutate({ conversationId, draft, rewrite: kind, targetLanguage: "en" });
  }

  return (
    <Stack gap={4} data-testid="composer-assist">
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconSparkles size={14} />}
          loading={suggest.isPending}
          onClick={() => suggest.mutate({ conversationId })}
          data-testid="suggest-replies"
        >
          {t("suggest")}
        </Button>
        <Menu position="top-start" withinPortal>
          <Menu.Target>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconWand size={14} />}
              disabled={!draft.trim()}
              loading={rewrite.isPending}
              data-testid="rewrite-draft"
            >
              {t("rewrite")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {draftRewrites.map((kind) => (
              <Menu.Item key={kind} onClick={() => rewriteAs(kind)}>
                {t(`rewrites.${kind}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {suggest.data && (
          <Badge size="xs" variant="outline" color={suggest.data.source === "local" ? "gray" : "violet"}>
            {t(`sources.${suggest.data.source}`)}
          </Badge>
        )}
      </Group>
      {suggest.data && !suggest.data.suggestions.length && (
        <Text size="xs" c="dimmed">
          {t("none")}
        </Text>
      )}
      {suggest.data?.suggestions.map((suggestion) => (
        <UnstyledButton key={suggestion.id} onClick={() => onPick(suggestion.body)} data-testid="suggestion">
          <Paper withBorder px="xs" py={4} radius="sm">
            <Text size="sm">{suggestion.body}</Text>
          </Paper>
        </UnstyledButton>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {messageOf(error, t("failed"))}
        </Text>
      )}
    </Stack>
  );
}
