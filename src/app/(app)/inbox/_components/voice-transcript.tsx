"use client";

import { Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { MessageDto } from "./types";

/** Under a voice note's player: the provider's transcript, or why there is none (the local engine cannot transcribe). */
export function VoiceTranscript({ transcript }: { transcript: NonNullable<MessageDto["transcript"]> }) {
  const t = useTranslations("inbox.transcript");
  if (transcript.text !== null)
    return (
      <Text size="sm" fs="italic" maw={320} data-testid="voice-transcript" style={{ whiteSpace: "pre-wrap" }}>
        <Text span size="xs" c="dimmed" fs="normal" display="block">
          {t("label")}
        </Text>
        {transcript.text}
      </Text>
    );
  if (!transcript.skip) return null;
  return (
    <Text size="xs" c="dimmed" maw={320} data-testid="voice-transcript-skip" data-skip={transcript.skip}>
      {t(`skips.${transcript.skip}`)}
    </Text>
  );
}
