import type { useTranslations } from "next-intl";
import { displayTitle } from "../../../_components/format-phone";
import type { ConversationDto } from "./types";

type InboxWords = ReturnType<typeof useTranslations<"inbox">>;

/** What to call a conversation: its contact or group name, the number formatted, or a worded fallback. */
export function conversationTitleOf(
  conversation: Pick<ConversationDto, "title" | "phone" | "untitledGroup">,
  t: InboxWords,
): string {
  const fallback = conversation.untitledGroup ? t("untitledGroup", { id: conversation.untitledGroup }) : t("noNumber");
  return displayTitle(conversation.title, conversation.phone, fallback);
}

const labelled = new Set(["note", "image", "video", "audio", "voice", "sticker", "location", "contact", "unsupported"]);

/** The list's line for the latest message: its kind's label ("📷 Foto") and its own text. */
export function previewLineOf(
  conversation: Pick<ConversationDto, "lastMessagePreview" | "lastMessageKind">,
  t: InboxWords,
): string {
  const text = conversation.lastMessagePreview;
  const kind = conversation.lastMessageKind;
  if (kind === "revoked") return t("preview.revoked");
  if (kind === "document") return text ? `📄 ${text}` : t("preview.document");
  if (kind && labelled.has(kind)) {
    const label = t(`preview.${kind}` as "preview.image");
    return text ? t("preview.withText", { label, text }) : label;
  }
  return text ?? "";
}
