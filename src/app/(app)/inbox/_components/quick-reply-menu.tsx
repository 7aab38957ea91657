"use client";

import { Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { useTRPC } from "~/trpc/react";

const MAX_SHOWN = 8;

/**
 * Typing "/" at the start of the composer lists the quick replies whose shortcut (or text) matches
 * what follows; arrows move, Enter or Tab inserts, Escape closes.
 */
export function useQuickReplyMenu(text: string, insert: (body: string) => void) {
  const trpc = useTRPC();
  const replies = useQuery({ ...trpc.quickReplies.list.queryOptions(), staleTime: 60_000 });
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const [active, setActive] = useState({ text: "", index: 0 });

  const match = /^\/(\S*)$/.exec(text);
  const query = match?.[1]?.toLocaleLowerCase() ?? "";
  const items = (replies.data ?? [])
    .filter((reply) => reply.shortcut.startsWith(query) || reply.body.toLocaleLowerCase().includes(query))
    .sort((a, b) => Number(b.shortcut.startsWith(query)) - Number(a.shortcut.startsWith(query)))
    .slice(0, MAX_SHOWN);
  const open = !!match && dismissedAt !== text && replies.isSuccess;
  const index = active.text === text ? Math.min(active.index, Math.max(items.length - 1, 0)) : 0;

  function pick(position: number) {
    const reply = items[position];
    if (reply) insert(reply.body);
  }

  /** Handles the key when the menu is open; true when it did. */
  function onKeyDown(event: KeyboardEvent): boolean {
    if (!open) return false;
    const move = (delta: number) => setActive({ text, index: (index + delta + items.length) % items.length });
    switch (event.key) {
      case "ArrowDown":
        if (items.length) move(1);
        break;
      case "ArrowUp":
        if (items.length) move(-1);
        break;
      case "Enter":
      case "Tab":
        if (!items.length || event.shiftKey) return false;
        pick(index);
        break;
      case "Escape":
        setDismissedAt(text);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  }

  return { open, items, index, pick, onKeyDown, empty: (replies.data?.length ?? 0) === 0 };
}

export function QuickReplyMenu(props: {
  items: { id: string; shortcut: string; body: string }[];
  index: number;
  empty: boolean;
  onPick: (position: number) => void;
}) {
  const t = useTranslations("inbox.composer");
  return (
    <Paper
      withBorder
      shadow="md"
      p={4}
      pos="absolute"
      left={0}
      right={0}
      bottom="100%"
      mb={4}
      style={{ zIndex: 10 }}
      data-testid="quick-reply-menu"
    >
      {props.items.length === 0 ? (
        <Text size="sm" c="dimmed" p="xs">
          {props.empty ? t("noQuickReplies") : t("noQuickReplyMatch")}
        </Text>
      ) : (
        <Stack gap={0} role="listbox" aria-label={t("quickReplies")}>
          {props.items.map((reply, position) => (
            <UnstyledButton
              key={reply.id}
              role="option"
              aria-selected={position === props.index}
              // mousedown, not click: the textarea keeps its focus.
              onMouseDown={(event) => {
                event.preventDefault();
                props.onPick(position);
              }}
              px="xs"
              py={6}
              style={{
                borderRadius: 6,
                background: position === props.index ? "var(--mantine-primary-color-light)" : undefined,
              }}
              data-testid="quick-reply-option"
            >
              <Text size="sm" fw={600} span>
                /{reply.shortcut}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {reply.body}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
