"use client";

import { Box, Center, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useRealtimeEvent } from "../../../_components/realtime-provider";
import { ConversationList } from "./conversation-list";
import { ConversationView } from "./conversation-view";
import { TimezoneProvider } from "../../../_components/use-timezone";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Two panes on a desktop; on a phone the list or the open conversation. The open conversation lives
 * in the URL (`/inbox?c=<id>`) so reload, links and the back button work.
 */
export function InboxView(props: { timezone: string; hasConversations: boolean; emptyState: ReactNode }) {
  const t = useTranslations("inbox");
  const param = useSearchParams().get("c");
  const selectedId = param && UUID.test(param) ? param.toLowerCase() : null;
  const [hasConversations, setHasConversations] = useState(props.hasConversations);
  useRealtimeEvent("conversation.updated", () => setHasConversations(true));
  useRealtimeEvent("conversations.changed", () => setHasConversations(true));

  if (!hasConversations && !selectedId) return props.emptyState;

  return (
    <TimezoneProvider value={props.timezone}>
      <Paper
        withBorder
        h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))"
        mih={420}
        style={{ display: "flex", overflow: "hidden" }}
        data-testid="inbox"
      >
        <Box
          component="section"
          aria-label={t("listLabel")}
          w={{ base: "100%", sm: 340, lg: 400 }}
          visibleFrom={selectedId ? "sm" : undefined}
          style={{ flexShrink: 0, borderInlineEnd: "1px solid var(--mantine-color-default-border)" }}
        >
          <ConversationList selectedId={selectedId} />
        </Box>
        <Box
          component="section"
          aria-label={t("conversationLabel")}
          visibleFrom={selectedId ? undefined : "sm"}
          style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column" }}
        >
          {selectedId ? (
            <ConversationView key={selectedId} conversationId={selectedId} />
          ) : (
            <Center h="100%">
              <Stack align="center" gap="xs">
                <ThemeIcon size={56} radius="xl" variant="light">
                  <IconMessages size={30} />
                </ThemeIcon>
                <Text c="dimmed">{t("pickConversation")}</Text>
              </Stack>
            </Center>
          )}
        </Box>
      </Paper>
    </TimezoneProvider>
  );
}
