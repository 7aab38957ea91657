"use client";

import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconBan, IconNote } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import { clockTime, dateTime } from "~/shared/format/time";
import classes from "./inbox.module.css";
import { InsightChips } from "./insight-chips";
import { MessageMedia } from "./message-media";
import { DeliveryNotice, StatusTicks } from "./message-status";
import { LinkPreview, MessageText } from "./message-text";
import type { MessageDto } from "./types";

/** Types whose text is a summary of what the card already shows. */
const CARD_TYPES = new Set(["location", "contact"]);

export const MessageBubble = memo(function MessageBubble(props: {
  message: MessageDto;
  quoted: MessageDto | undefined;
  /** Group chats: who wrote it, above their first message in a row. */
  senderName: string | null;
  timeZone: string;
  onQuoteClick: (messageId: string) => void;
}) {
  const { message } = props;
  const t = useTranslations("inbox");
  const locale = useLocale();
  const inbound = message.direction === "inbound";
  const note = message.direction === "internal";
  const revoked = message.revokedAt !== null;
  const kind = note ? classes.note : inbound ? classes.inbound : classes.outbound;
  const showText = !revoked && message.body && !CARD_TYPES.has(message.type);

  return (
    <Stack gap={2} align={inbound ? "flex-start" : "flex-end"} px="md" py={3}>
      <div
        className={`${classes.bubble} ${kind}`}
        data-message-id={message.id}
        data-testid={note ? "note-bubble" : "message-bubble"}
        data-direction={message.direction}
        data-status={message.status}
      >
        {note && (
          <Group gap={4} mb={2}>
            <IconNote size={14} color="var(--mantine-color-yellow-8)" />
            <Text size="xs" fw={700} c="yellow.9">
              {t("note")}
              {message.authorName ? ` · ${message.authorName}` : ""}
            </Text>
          </Group>
        )}
        {props.senderName && (
          <Text size="xs" fw={600} c="teal.7" data-testid="message-sender">
            {props.senderName}
          </Text>
        )}
        {props.quoted && !revoked && (
          <button type="button" className={classes.quote} onClick={() => props.onQuoteClick(props.quoted!.id)}>
            <Text size="xs" fw={600} c="teal.7">
              {props.quoted.direction === "inbound"
                ? (props.quoted.senderName ?? t("contact"))
                : (props.quoted.authorName ?? t("youName"))}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {props.quoted.revokedAt ? t("deleted") : (props.quoted.body ?? t(`types.${props.quoted.type}`))}
            </Text>
          </button>
        )}
        {revoked ? (
          <Group gap={4} c="dimmed">
            <IconBan size={14} />
            <Text size="sm" fs="italic" data-testid="message-deleted">
              {t("deleted")}
            </Text>
          </Group>
        ) : (
          <>
            <MessageMedia message={message} />
            {message.type === "unsupported" && (
              <Text size="sm" fs="italic" c="dimmed">
                {t("unsupported")}
              </Text>
            )}
            <LinkPreview details={message.details} />
            {showText && <MessageText text={message.body!} />}
          </>
        )}
        <Group gap={4} justify="flex-end" wrap="nowrap" mt={2}>
          {message.editedAt && !revoked && (
            <Text size="xs" c="dimmed" fs="italic" data-testid="message-edited">
              {t("edited")}
            </Text>
          )}
          {message.direction === "outbound" && message.authorName && (
            <Text size="xs" c="dimmed" truncate maw={160}>
              {message.authorName} ·
            </Text>
          )}
          <Text size="xs" c="dimmed" title={dateTime(message.sentAt, props.timeZone, locale)}>
            {clockTime(message.sentAt, props.timeZone, locale)}
          </Text>
          {message.direction === "outbound" && <StatusTicks status={message.status} />}
        </Group>
        {message.direction === "outbound" && <DeliveryNotice message={message} />}
      </div>
      <Reactions reactions={message.reactions} />
      {inbound && !revoked && <InsightChips message={message} />}
    </Stack>
  );
});

function Reactions({ reactions }: { reactions: Record<string, string> }) {
  const counts = new Map<string, number>();
  for (const emoji of Object.values(reactions)) counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  if (counts.size === 0) return null;
  return (
    <Group gap={4} mt={-6} px={6} data-testid="message-reactions">
      {[...counts].map(([emoji, count]) => (
        <Badge key={emoji} variant="default" size="md" radius="xl" style={{ textTransform: "none" }}>
          {emoji}
          {count > 1 ? ` ${count}` : ""}
        </Badge>
      ))}
    </Group>
  );
}
