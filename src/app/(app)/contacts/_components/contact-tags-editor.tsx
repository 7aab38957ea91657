"use client";

import { Stack, TagsInput, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { tagColors } from "~/shared/schemas/inbox";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import type { ContactDetail } from "./types";

/** The contact's tags by name; a name not used yet creates the tag (shared with conversations). */
export function ContactTagsEditor(props: { contact: ContactDetail; onSaved: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts.detail");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const save = useMutation({
    mutationFn: async (names: string[]) => {
      const known = new Map((tags.data ?? []).map((tag) => [tag.name.toLocaleLowerCase(), tag.id]));
      const ids: string[] = [];
      for (const name of names) {
        let id = known.get(name.toLocaleLowerCase());
        if (!id) {
          const color = tagColors[Math.floor(Math.random() * tagColors.length)]!;
          id = (await client.tags.create.mutate({ name, color })).id;
        }
        ids.push(id);
      }
      await client.contacts.update.mutate({ contactId: props.contact.id, tagIds: ids });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey() });
      await props.onSaved();
    },
    onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("tagsError")) }),
  });

  return (
    <Stack gap={6}>
      <Title order={5}>{t("tags")}</Title>
      <TagsInput
        aria-label={t("tags")}
        placeholder={t("tagsPlaceholder")}
        data={(tags.data ?? []).map((tag) => tag.name)}
        value={props.contact.tags.map((tag) => tag.name)}
        onChange={(names) => save.mutate(names)}
        disabled={save.isPending}
        clearable
        data-testid="contact-tags"
      />
      <Text size="xs" c="dimmed">
        {t("tagsHelp")}
      </Text>
    </Stack>
  );
}
