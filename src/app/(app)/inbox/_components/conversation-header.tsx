"use client";

import { ActionIcon, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconCheck, IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { conversationStatuses, type ConversationStatus } from "~/shared/schemas/inbox";
import { useTRPC } from "~/trpc/react";
import { ContactAvatar } from "../../../_components/contact-avatar";
import { formatPhone } from "../../../_components/format-phone";
import { conversationTitleOf } from "./conversation-words";
import { useMyRole } from "../../../_components/use-my-role";
import { InstanceStatusBadge } from "../../../_components/instance-status-badge";
import { TagBadge } from "../../../_components/tag-badge";
import { TagPicker } from "./tag-picker";
import type { ConversationDetail } from "./types";
import { useConversationActions } from "./use-conversation-actions";

const UNASSIGNED = "none";

export function ConversationHeader({ conversation }: { conversation: ConversationDetail }) {
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions());
  const { userId } = useMyRole();
  const { setStatus, assign, setTag } = useConversationActions(conversation.id);
  const phone = formatPhone(conversation.phone);
  const title = conversationTitleOf(conversation, t);
  const closed = conversation.status === "closed";
  const conversationId = conversation.id;

  const assigneeOptions = [
    { value: UNASSIGNED, label: t("unassigned") },
    ...(members.data ?? [])
      .filter((m) => !m.disabled || m.userId === conversation.assignee?.id)
      .map((m) => ({ value: m.userId, label: m.userId === userId ? t("me", { name: m.name }) : m.name })),
  ];

  return (
    <Stack gap={6} px="md" py="xs" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
      {/* On a phone the status controls wrap under the name instead of squeezing it. */}
      <Group gap={6} wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: "1 1 240px" }}>
          <ActionIcon
            component={Link}
            href="/inbox"
            variant="subtle"
            hiddenFrom="sm"
            aria-label={t("back")}
            data-testid="conversation-back"
          >
            <IconArrowLeft size={18} />
          </ActionIcon>
          <ContactAvatar title={title} group={conversation.kind === "group"} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title
              order={4}
              lh={1.2}
              data-testid="conversation-title"
              style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
            >
              {title}
            </Title>
            <Group gap={6} wrap="nowrap">
              {phone && phone !== title && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }} data-testid="conversation-phone">
                  {phone}
                </Text>
              )}
              <Text size="xs" c="dimmed" truncate>
                {conversation.instance.name}
              </Text>
              <InstanceStatusBadge instanceId={conversation.instance.id} state={conversation.instanceState} />
            </Group>
          </Stack>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Select
            size="xs"
            w={116}
            aria-label={t("statusLabel")}
            data={conversationStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
            value={conversation.status}
            allowDeselect={false}
            onChange={(status) => status && setStatus.mutate({ conversationId, status: status as ConversationStatus })}
            data-testid="conversation-status"
          />
          <Button
            size="xs"
            variant={closed ? "default" : "filled"}
            leftSection={closed ? <IconRefresh size={14} /> : <IconCheck size={14} />}
            onClick={() => setStatus.mutate({ conversationId, status: closed ? "open" : "closed" })}
            data-testid={closed ? "conversation-reopen" : "conversation-close"}
          >
            {closed ? t("reopen") : t("close")}
          </Button>
        </Group>
      </Group>
      <Group gap={6} wrap="wrap">
        <Select
          size="xs"
          w={200}
          searchable
          aria-label={t("assigneeLabel")}
          data={assigneeOptions}
          value={conversation.assignee?.id ?? UNASSIGNED}
          allowDeselect={false}
          onChange={(value) =>
            value && assign.mutate({ conversationId, assigneeId: value === UNASSIGNED ? null : value })
          }
          data-testid="conversation-assignee"
        />
        {conversation.assignee?.id !== userId && userId && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => assign.mutate({ conversationId, assigneeId: userId })}
          >
            {t("assignToMe")}
          </Button>
        )}
        {conversation.tags.map((tag) => (
          <TagBadge
            key={tag.id}
            tag={tag}
            size="sm"
            removeLabel={t("tags.remove", { name: tag.name })}
            onRemove={() => setTag.mutate({ conversationId, tagId: tag.id, present: false })}
          />
        ))}
        <TagPicker
          selected={conversation.tags.map((tag) => tag.id)}
          onToggle={(tagId, present) => setTag.mutate({ conversationId, tagId, present })}
        />
      </Group>
    </Stack>
  );
}
