"use client";

import {
  Button,
  Checkbox,
  ColorSwatch,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { IconCheck, IconPlus, IconTag } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { tagColors } from "~/shared/schemas/inbox";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { createTagInput } from "~/shared/schemas/inbox";
import { useFormCheck } from "../../../_components/use-schema-validation";

type TagColor = (typeof tagColors)[number];

/** Puts tags on a conversation and takes them off; a name not yet used creates a tag with a colour. */
export function TagPicker(props: { selected: string[]; onToggle: (tagId: string, present: boolean) => void }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("inbox.tags");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState("");
  const [color, setColor] = useState<TagColor>("blue");
  const tags = useQuery(trpc.tags.list.queryOptions());
  const create = useMutation(
    trpc.tags.create.mutationOptions({
      onSuccess: async (tag) => {
        queryClient.setQueryData(trpc.tags.list.queryKey(), (all) =>
          [...(all ?? []), tag].sort((a, b) => a.name.localeCompare(b.name)),
        );
        props.onToggle(tag.id, true);
        setQuery("");
        await queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey() });
      },
    }),
  );
  const { errors, check } = useFormCheck(createTagInput, create.error);
  const name = query.trim();
  const normalized = name.toLocaleLowerCase();
  const all = tags.data ?? [];
  const shown = all.filter((tag) => tag.name.toLocaleLowerCase().includes(normalized));
  const canCreate = name.length > 0 && !all.some((tag) => tag.name.toLocaleLowerCase() === normalized);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canCreate) check({ name, color }, (input) => create.mutate(input));
    else if (shown.length === 1) props.onToggle(shown[0]!.id, !props.selected.includes(shown[0]!.id));
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={280}
      position="bottom-start"
      trapFocus
      shadow="md"
      onClose={() => {
        setQuery("");
        create.reset();
      }}
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconTag size={14} />}
          onClick={() => setOpened((o) => !o)}
          data-testid="tag-picker"
        >
          {t("edit")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput
              size="xs"
              data-autofocus
              aria-label={t("search")}
              placeholder={t("search")}
              value={query}
              error={errors.name}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
            <ScrollArea.Autosize mah={220} type="auto">
              <Stack gap={6} role="group" aria-label={t("label")}>
                {shown.map((tag) => (
                  <Checkbox
                    key={tag.id}
                    size="xs"
                    checked={props.selected.includes(tag.id)}
                    onChange={(e) => props.onToggle(tag.id, e.currentTarget.checked)}
                    label={
                      <Group gap={6} wrap="nowrap">
                        <ColorSwatch color={`var(--mantine-color-${tag.color}-6)`} size={10} />
                        {tag.name}
                      </Group>
                    }
                  />
                ))}
                {all.length === 0 && !name && (
                  <Text size="xs" c="dimmed">
                    {t("none")}
                  </Text>
                )}
              </Stack>
            </ScrollArea.Autosize>
            {canCreate && (
              <Stack gap={6} pt={4} style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
                <Text size="xs" fw={500}>
                  {t("newTag", { name })}
                </Text>
                <Group gap={6} role="radiogroup" aria-label={t("color")}>
                  {tagColors.map((option) => (
                    <UnstyledButton
                      key={option}
                      role="radio"
                      aria-checked={option === color}
                      aria-label={t(`colors.${option}`)}
                      title={t(`colors.${option}`)}
                      onClick={() => setColor(option)}
                    >
                      <ColorSwatch color={`var(--mantine-color-${option}-6)`} size={20}>
                        {option === color && <IconCheck size={12} color="white" />}
                      </ColorSwatch>
                    </UnstyledButton>
                  ))}
                </Group>
                {create.error && !errors.name && (
                  <Text size="xs" c="red">
                    {messageOf(create.error, "")}
                  </Text>
                )}
                <Button type="submit" size="xs" leftSection={<IconPlus size={14} />} loading={create.isPending}>
                  {t("create")}
                </Button>
              </Stack>
            )}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
