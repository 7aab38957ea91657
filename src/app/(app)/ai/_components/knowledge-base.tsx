"use client";

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** "Treinamento": the questions/answers and free text the AI answers from. Admins edit; everyone reads. */
export function KnowledgeBase({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("ai.knowledge");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const entries = useQuery(trpc.aiReplies.knowledge.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.aiReplies.knowledge.queryKey() });
  const [kind, setKind] = useState<"qa" | "text">("qa");
  const [question, setQuestion] = useState("");
  const [content, setContent] = useState("");
  const save = useMutation(
    trpc.aiReplies.saveKnowledge.mutationOptions({
      onSuccess: () => {
        setQuestion("");
        setContent("");
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.aiReplies.deleteKnowledge.mutationOptions({ onSuccess: () => void refresh() }));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(kind === "qa" ? { kind, question, content } : { kind, content });
  }

  return (
    <Paper withBorder p="md" data-testid="ai-knowledge">
      <Title order={4}>{t("title")}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      <Stack gap="xs">
        {entries.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("empty")}
          </Text>
        )}
        {entries.data?.map((entry) => (
          <Group key={entry.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="knowledge-entry">
            <Stack gap={0}>
              <Group gap={6}>
                <Badge size="xs" variant="light">
                  {t(`kinds.${entry.kind}`)}
                </Badge>
                {entry.question && (
                  <Text size="sm" fw={600}>
                    {entry.question}
                  </Text>
                )}
              </Group>
              <Text size="sm">{entry.content}</Text>
            </Stack>
            {isAdmin && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("delete")}
                onClick={() => remove.mutate({ id: entry.id })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {isAdmin && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <SegmentedControl
                size="xs"
                value={kind}
                onChange={(value) => setKind(value === "text" ? "text" : "qa")}
                data={[
                  { value: "qa", label: t("kinds.qa") },
                  { value: "text", label: t("kinds.text") },
                ]}
              />
              {kind === "qa" && (
                <TextInput
                  label={t("question")}
                  value={question}
                  onChange={(e) => setQuestion(e.currentTarget.value)}
                />
              )}
              <Textarea
                label={kind === "qa" ? t("answer") : t("text")}
                autosize
                minRows={2}
                value={content}
                onChange={(e) => setContent(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" size="xs" loading={save.isPending}>
                  {t("add")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {(save.error ?? remove.error) && (
          <Alert color="red">{messageOf(save.error ?? remove.error, t("failed"))}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
