"use client";

import { Anchor, Group, Image, Modal, Paper, Stack, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import { IconDownload, IconFileDescription, IconMapPin, IconPhoto, IconUser } from "@tabler/icons-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatBytes } from "~/shared/format/bytes";
import { formatPhone } from "../../../_components/format-phone";
import { MissingMedia } from "./missing-media";
import { VoiceTranscript } from "./voice-transcript";
import type { MessageDto } from "./types";

/** An attachment, a location or a contact card — whatever the message carries besides its text. */
export function MessageMedia({ message }: { message: MessageDto }) {
  if (message.type === "location") return <LocationCard details={message.details} />;
  if (message.type === "contact") return <ContactCard details={message.details} fallback={message.body} />;
  if (!message.media) return null;
  return <Attachment message={message} media={message.media} />;
}

function Attachment({ message, media }: { message: MessageDto; media: NonNullable<MessageDto["media"]> }) {
  const t = useTranslations("inbox.media");
  const locale = useLocale();
  const [zoomed, setZoomed] = useState(false);

  if (!media.url) return <MissingMedia message={message} media={media} />;

  const name = media.fileName ?? t("file");
  switch (message.type) {
    case "image":
      return (
        <>
          <UnstyledButton onClick={() => setZoomed(true)} aria-label={t("openImage")} display="block">
            <Image
              src={media.url}
              alt={message.body ?? name}
              radius="sm"
              loading="lazy"
              // Bounded both ways: a huge photo fits, a tiny one stays big enough to click.
              style={{ maxWidth: 320, maxHeight: 320, minWidth: 80, minHeight: 80, objectFit: "contain" }}
            />
          </UnstyledButton>
          <Modal
            opened={zoomed}
            onClose={() => setZoomed(false)}
            size="xl"
            centered
            title={media.fileName ?? t("image")}
          >
            <Image
              src={media.url}
              alt={message.body ?? name}
              mx="auto"
              style={{ maxWidth: "100%", maxHeight: "75vh", width: "auto", objectFit: "contain" }}
            />
          </Modal>
        </>
      );
    case "sticker":
      return <Image src={media.url} alt={t("sticker")} w={128} h={128} fit="contain" loading="lazy" />;
    case "audio":
    case "voice":
      return (
        <Stack gap={4}>
          <audio controls preload="metadata" src={media.url} style={{ width: 280, maxWidth: "100%" }} />
          {message.transcript && <VoiceTranscript transcript={message.transcript} />}
        </Stack>
      );
    case "video":
      return <video controls preload="metadata" src={media.url} style={{ maxWidth: "100%", maxHeight: 360 }} />;
    default:
      return (
        <Paper withBorder p="xs" radius="sm" miw={220}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size="lg">
              {media.mimeType?.startsWith("image/") ? <IconPhoto size={20} /> : <IconFileDescription size={20} />}
            </ThemeIcon>
            <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={500} truncate title={name}>
                {name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatBytes(media.size, locale)}
              </Text>
            </Stack>
            <Anchor
              href={media.url}
              download={name}
              aria-label={t("download", { name })}
              title={t("download", { name })}
            >
              <IconDownload size={20} />
            </Anchor>
          </Group>
        </Paper>
      );
  }
}

function LocationCard({ details }: { details: unknown }) {
  const t = useTranslations("inbox.media");
  const place = details as { latitude?: number; longitude?: number; name?: string | null; address?: string | null };
  if (typeof place?.latitude !== "number" || typeof place.longitude !== "number") return null;
  const { latitude: lat, longitude: lon } = place;
  const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" py={2}>
      <IconMapPin size={18} style={{ flexShrink: 0, marginTop: 2 }} />
      <Stack gap={0}>
        {place.name && (
          <Text size="sm" fw={500}>
            {place.name}
          </Text>
        )}
        {place.address && <Text size="sm">{place.address}</Text>}
        <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
          {t("openMap")}
        </Anchor>
      </Stack>
    </Group>
  );
}

function ContactCard({ details, fallback }: { details: unknown; fallback: string | null }) {
  const card = details as { displayName?: string; phones?: string[] } | null;
  const phones = Array.isArray(card?.phones) ? card.phones : [];
  return (
    <Paper withBorder p="xs" radius="sm" miw={200}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" radius="xl">
          <IconUser size={16} />
        </ThemeIcon>
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {card?.displayName ?? fallback}
          </Text>
          {phones.map((phone) => (
            <Anchor key={phone} href={`tel:${phone.replace(/[^\d+]/g, "")}`} size="sm" data-testid="contact-card-phone">
              {formatPhone(phone)}
            </Anchor>
          ))}
        </Stack>
      </Group>
    </Paper>
  );
}
