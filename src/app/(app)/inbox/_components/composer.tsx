"use client";

import {
  ActionIcon,
  Box,
  CloseButton,
  FileButton,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from "@mantine/core";
import { IconFile, IconPaperclip, IconSend } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { ComposerAssist } from "./composer-assist";
import { EmojiPicker } from "./emoji-picker";
import { formatBytes } from "~/shared/format/bytes";
import classes from "./inbox.module.css";
import { newId } from "./new-id";
import { QuickReplyMenu, useQuickReplyMenu } from "./quick-reply-menu";
import type { MessageDto } from "./types";
import { useAttachmentUpload } from "./use-attachment-upload";

type Mode = "reply" | "note";

/** Unsent text per conversation, kept while the agent moves between conversations. */
const drafts = new Map<string, string>();

const ACCEPT =
  "image/*,audio/*,video/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.csv,.xml,.zip,.rar,.7z";

export function Composer({
  conversationId,
  onSent,
}: {
  conversationId: string;
  onSent: (message: MessageDto) => void;
}) {
  const { messageOf, fieldErrorsOf } = useErrorWording();
  const t = useTranslations("inbox.composer");
  const locale = useLocale();
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setTextState] = useState(() => drafts.get(conversationId) ?? "");
  const textarea = useRef<HTMLTextAreaElement>(null);
  // One id per message being written: sending it twice (a retry after a timeout) creates it once.
  const clientMessageId = useRef(newId());
  const { attachment, upload, clear } = useAttachmentUpload({ failed: t("uploadFailed") });
  const reply = useMutation(trpc.conversations.reply.mutationOptions());
  const addNote = useMutation(trpc.conversations.addNote.mutationOptions());
  const active = mode === "note" ? addNote : reply;

  function setText(value: string) {
    setTextState(value);
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
    if (active.error) active.reset();
  }

  /** A quick reply or an AI suggestion replaces the draft; the agent reviews it and sends. */
  function fillComposer(body: string) {
    setText(body);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(body.length, body.length);
    });
  }
  const menu = useQuickReplyMenu(text, fillComposer);

  function insertAtCursor(value: string) {
    const el = textarea.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + value + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + value.length, start + value.length);
    });
  }

  const uploading = !!attachment && !attachment.uploaded && !attachment.error;
  const canSend =
    !active.isPending &&
    !uploading &&
    !attachment?.error &&
    (mode === "note" ? text.trim().length > 0 : text.trim().length > 0 || !!attachment?.uploaded);

  function send() {
    if (!canSend) return;
    const body = text;
    const done = (message: MessageDto) => {
      onSent(message);
      clientMessageId.current = newId();
      // Whatever was typed while the message was on its way stays.
      setTextState((current) => {
        const next = current === body ? "" : current;
        if (!next) drafts.delete(conversationId);
        return next;
      });
    };
    if (mode === "note")
      addNote.mutate({ conversationId, clientMessageId: clientMessageId.current, body }, { onSuccess: done });
    else
      reply.mutate(
        { conversationId, clientMessageId: clientMessageId.current, body, attachment: attachment?.uploaded ?? null },
        {
          onSuccess: (message) => {
            done(message);
            clear();
          },
        },
      );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (menu.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  function takeFile(file: File | null | undefined) {
    if (!file) return;
    if (mode === "note") setMode("reply");
    upload(file);
  }

  function onPaste(event: ClipboardEvent) {
    const file = event.clipboardData.files[0];
    if (!file) return;
    event.preventDefault();
    takeFile(file);
  }

  function onDrop(event: DragEvent) {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    takeFile(file);
  }

  const errors = fieldErrorsOf(active.error);
  const error = active.error ? (errors.body ?? errors.attachment ?? messageOf(active.error, t("sendFailed"))) : null;

  return (
    <Stack
      gap={6}
      px="md"
      py="xs"
      style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
      data-testid="composer"
    >
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => {
            setMode(value);
            reply.reset();
            addNote.reset();
          }}
          data={[
            { value: "reply", label: t("reply") },
            { value: "note", label: t("note") },
          ]}
          color={mode === "note" ? "yellow" : undefined}
          data-testid="composer-mode"
        />
        <Text size="xs" c="dimmed" visibleFrom="md">
          {t("hint")}
        </Text>
      </Group>
      {attachment && (
        <Paper withBorder p={6} radius="sm" maw={360} data-testid="attachment-chip">
          <Group gap="xs" wrap="nowrap">
            <IconFile size={18} style={{ flexShrink: 0 }} />
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Text size="xs" fw={500} truncate title={attachment.file.name}>
                {attachment.file.name}{" "}
                <Text span size="xs" c="dimmed">
                  {formatBytes(attachment.file.size, locale)}
                </Text>
              </Text>
              {attachment.error ? (
                <Text size="xs" c="red">
                  {attachment.error}
                </Text>
              ) : (
                !attachment.uploaded && (
                  <Progress value={attachment.progress * 100} size="xs" animated aria-label={t("uploading")} />
                )
              )}
            </Stack>
            <CloseButton size="sm" aria-label={t("removeAttachment")} onClick={clear} />
          </Group>
        </Paper>
      )}
      {mode === "reply" && <ComposerAssist conversationId={conversationId} draft={text} onPick={fillComposer} />}
      <Group gap={4} align="flex-end" wrap="nowrap">
        <EmojiPicker onPick={insertAtCursor} />
        {mode === "reply" && (
          <FileButton onChange={takeFile} accept={ACCEPT}>
            {(props) => (
              <Tooltip label={t("attach")}>
                <ActionIcon {...props} variant="subtle" size="lg" color="gray" aria-label={t("attach")}>
                  <IconPaperclip size={20} />
                </ActionIcon>
              </Tooltip>
            )}
          </FileButton>
        )}
        <Box pos="relative" style={{ flex: 1 }}>
          {menu.open && <QuickReplyMenu items={menu.items} index={menu.index} empty={menu.empty} onPick={menu.pick} />}
          <Textarea
            ref={textarea}
            className={mode === "note" ? classes.noteComposer : undefined}
            aria-label={t("message")}
            placeholder={
              mode === "note" ? t("notePlaceholder") : attachment ? t("captionPlaceholder") : t("placeholder")
            }
            autosize
            minRows={1}
            maxRows={8}
            value={text}
            error={!!error}
            aria-describedby={error ? `${conversationId}-composer-error` : undefined}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            data-testid="composer-input"
          />
        </Box>
        <Tooltip label={mode === "note" ? t("sendNote") : t("send")}>
          <ActionIcon
            size="lg"
            variant="filled"
            color={mode === "note" ? "yellow" : undefined}
            aria-label={t("send")}
            loading={active.isPending}
            disabled={!canSend}
            onClick={send}
            data-testid="composer-send"
          >
            <IconSend size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {error && (
        <Text size="xs" c="red" id={`${conversationId}-composer-error`} role="alert" data-testid="composer-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}
