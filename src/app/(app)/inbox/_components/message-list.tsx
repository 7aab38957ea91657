"use client";

import { ActionIcon, Alert, Box, Button, Center, Indicator, Loader, Text } from "@mantine/core";
import { IconArrowDown } from "@tabler/icons-react";
import { useLocale, useNow, useTranslations } from "next-intl";
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { dayKey, dayLabel } from "~/shared/format/time";
import classes from "./inbox.module.css";
import { MessageBubble } from "./message-bubble";
import type { MessageDto } from "./types";
import { useSentinel } from "./use-sentinel";
import { useTimezone } from "../../../_components/use-timezone";

/** How close to the bottom (px) still counts as "at the bottom" for following new messages. */
const NEAR_BOTTOM = 120;

export function MessageList(props: {
  items: MessageDto[];
  isGroup: boolean;
  hasOlder: boolean;
  loadOlder: () => Promise<void>;
  loadingOlder: boolean;
  olderError: unknown;
  /** Changes when this tab sends something: the list jumps to the bottom to show it. */
  sentToken: number;
}) {
  const { messageOf } = useErrorWording();
  const { items, loadOlder } = props;
  const t = useTranslations("inbox");
  const locale = useLocale();
  const timeZone = useTimezone();
  const now = useNow({ updateInterval: 60_000 });
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);

  const nearTop = useSentinel(
    scroller,
    top,
    "600px 0px 0px 0px",
    props.hasOlder && !props.loadingOlder && !props.olderError,
  );
  useEffect(() => {
    if (nearTop) void loadOlder();
  }, [nearTop, loadOlder]);

  // Following the conversation: at the bottom, new messages stay in view; scrolled up to read
  // history, what is on screen stays put and a button offers the new messages.
  const lastId = items.at(-1)?.id;
  const firstId = items[0]?.id;
  const [atBottom, setAtBottom] = useState(true);
  const [seenLastId, setSeenLastId] = useState(lastId);
  const atBottomRef = useRef(true);
  const previous = useRef({ firstId, lastId, height: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    const height = content.current?.offsetHeight ?? 0;
    const before = previous.current;
    if (el && lastId !== before.lastId && firstId === before.firstId && !atBottomRef.current)
      el.scrollTop -= height - before.height;
    previous.current = { firstId, lastId, height };
  }, [firstId, lastId]);

  const scrollToBottom = useCallback(() => {
    scroller.current?.scrollTo({ top: 0 });
    atBottomRef.current = true;
  }, []);
  useEffect(() => {
    if (props.sentToken > 0) scrollToBottom();
  }, [props.sentToken, scrollToBottom]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const near = el.scrollTop > -NEAR_BOTTOM;
    atBottomRef.current = near;
    setAtBottom(near);
    if (near) setSeenLastId(lastId);
  }

  const byProviderId = useMemo(
    () => new Map(items.filter((m) => m.providerMessageId).map((m) => [m.providerMessageId!, m])),
    [items],
  );
  const showQuoted = useCallback((messageId: string) => {
    const el = scroller.current?.querySelector<HTMLElement>(`[data-message-id="${messageId}"]`);
    if (!el) return;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.classList.add(classes.highlight!);
    window.setTimeout(() => el.classList.remove(classes.highlight!), 1200);
  }, []);

  const labels = { today: t("time.today"), yesterday: t("time.yesterday") };
  const newBelow = !atBottom && lastId !== seenLastId;

  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 0, display: "flex" }}>
      <div ref={scroller} className={classes.messages} onScroll={onScroll} data-testid="message-list">
        <div ref={content} style={{ paddingBlock: 8 }} role="log" aria-label={t("messagesLabel")}>
          <div ref={top} />
          {props.loadingOlder && (
            <Center py="xs">
              <Loader size="xs" />
            </Center>
          )}
          {props.olderError ? (
            <Alert color="red" mx="md" my="xs" py={6}>
              {messageOf(props.olderError, t("loadError"))}{" "}
              <Button size="compact-xs" variant="subtle" onClick={() => void loadOlder()}>
                {t("retry")}
              </Button>
            </Alert>
          ) : null}
          {!props.hasOlder && (
            <Text size="xs" c="dimmed" ta="center" py="xs">
              {items.length ? t("conversationStart") : t("noMessages")}
            </Text>
          )}
          {items.map((message, index) => {
            const before = items[index - 1];
            const day = dayKey(message.sentAt, timeZone);
            const newDay = !before || dayKey(before.sentAt, timeZone) !== day;
            const senderName =
              props.isGroup &&
              message.direction === "inbound" &&
              (newDay || before?.direction !== "inbound" || before.senderName !== message.senderName)
                ? message.senderName
                : null;
            return (
              <Fragment key={message.id}>
                {newDay && (
                  <Center py={6}>
                    <Text
                      size="xs"
                      fw={500}
                      px="sm"
                      py={2}
                      bg="var(--mantine-color-default)"
                      bd="1px solid var(--mantine-color-default-border)"
                      style={{ borderRadius: 999 }}
                      data-testid="day-separator"
                    >
                      {dayLabel(message.sentAt, timeZone, locale, now, labels)}
                    </Text>
                  </Center>
                )}
                <MessageBubble
                  message={message}
                  quoted={
                    message.quotedProviderMessageId ? byProviderId.get(message.quotedProviderMessageId) : undefined
                  }
                  senderName={senderName}
                  timeZone={timeZone}
                  onQuoteClick={showQuoted}
                />
              </Fragment>
            );
          })}
        </div>
      </div>
      {!atBottom && (
        <Indicator disabled={!newBelow} processing color="teal" pos="absolute" bottom={16} right={24} size={12}>
          <ActionIcon
            radius="xl"
            size="lg"
            variant="default"
            aria-label={newBelow ? t("newMessages") : t("scrollToBottom")}
            onClick={scrollToBottom}
            data-testid="scroll-to-bottom"
          >
            <IconArrowDown size={18} />
          </ActionIcon>
        </Indicator>
      )}
    </Box>
  );
}
