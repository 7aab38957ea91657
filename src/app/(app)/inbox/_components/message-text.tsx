"use client";

import { Anchor, Paper, Text } from "@mantine/core";
import classes from "./inbox.module.css";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;

/** Message text with its line breaks kept and its links clickable. */
export function MessageText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <Text size="sm" className={classes.text} data-testid="message-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part} target="_blank" rel="noopener noreferrer" inherit>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </Text>
  );
}

/** The card WhatsApp attaches to a shared link. */
export function LinkPreview({ details }: { details: unknown }) {
  const preview = (
    details as { linkPreview?: { url: string; title: string | null; description: string | null } } | null
  )?.linkPreview;
  if (!preview?.title && !preview?.description) return null;
  return (
    <Paper
      component="a"
      href={preview.url}
      target="_blank"
      rel="noopener noreferrer"
      withBorder
      p={6}
      radius="sm"
      mb={4}
      style={{ display: "block", color: "inherit", textDecoration: "none" }}
    >
      {preview.title && (
        <Text size="xs" fw={600} lineClamp={1}>
          {preview.title}
        </Text>
      )}
      {preview.description && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {preview.description}
        </Text>
      )}
    </Paper>
  );
}
