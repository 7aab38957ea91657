"use client";

import { ActionIcon, Popover, SimpleGrid, Tooltip, UnstyledButton } from "@mantine/core";
import { IconMoodSmile } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** The emoji a support team reaches for most; the phone's own picker covers the rest. */
// prettier-ignore
const EMOJI = [
  "😀", "😃", "😄", "😁", "😆", "😅", "😂", "🤣", "😊", "😇", "🙂", "😉",
  "😍", "🥰", "😘", "😋", "😎", "🤩", "🥳", "😏", "😌", "🤔", "🤗", "🤭",
  "🙄", "😬", "😴", "😢", "😭", "😤", "😡", "😱", "😳", "🥺", "🙏", "👍",
  "👎", "👌", "✌️", "🤞", "👏", "🙌", "💪", "👋", "🤝", "❤️", "💛", "💚",
  "💙", "💜", "💔", "✨", "🔥", "🎉", "🎂", "🌹", "☀️", "✅", "❌", "⚠️",
  "📞", "📍", "⏰", "💰", "📦", "🚚",
];

export function EmojiPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const t = useTranslations("inbox.composer");
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" shadow="md" width={300}>
      <Popover.Target>
        <Tooltip label={t("emoji")} disabled={opened}>
          <ActionIcon
            variant="subtle"
            size="lg"
            color="gray"
            aria-label={t("emoji")}
            disabled={disabled}
            onClick={() => setOpened((o) => !o)}
            data-testid="emoji-button"
          >
            <IconMoodSmile size={20} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={6}>
        <SimpleGrid cols={8} spacing={2} verticalSpacing={2} role="group" aria-label={t("emoji")}>
          {EMOJI.map((emoji) => (
            <UnstyledButton
              key={emoji}
              aria-label={emoji}
              onClick={() => onPick(emoji)}
              style={{ fontSize: 22, lineHeight: "32px", textAlign: "center", borderRadius: 6 }}
              data-testid="emoji-option"
            >
              {emoji}
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
