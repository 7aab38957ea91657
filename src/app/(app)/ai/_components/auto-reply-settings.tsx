"use client";

import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Switch, TagsInput, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { autoReplyModes } from "~/shared/auto-reply";
import type { RouterOutputs } from "~/trpc/types";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Settings = RouterOutputs["aiReplies"]["autoReplySettings"];

/** Automatic replies per number (admins): off by default, with their mode, limits and handoff rules. */
export function AutoReplySettings() {
  const t = useTranslations("ai.autoReply");
  const trpc = useTRPC();
  const instances = useQuery(trpc.instances.list.queryOptions());
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const selected = instanceId ?? instances.data?.instances[0]?.id ?? null;
  return (
    <Paper withBorder p="md" data-testid="ai-auto-reply">
      <Title order={4}>{t("title")}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      <Select
        label={t("number")}
        data={(instances.data?.instances ?? []).map((i) => ({ value: i.id, label: i.name }))}
        value={selected}
        onChange={setInstanceId}
        allowDeselect={false}
        maw={320}
      />
      {selected && <SettingsForm key={selected} instanceId={selected} />}
    </Paper>
  );
}

function SettingsForm({ instanceId }: { instanceId: string }) {
  const trpc = useTRPC();
  const current = useQuery(trpc.aiReplies.autoReplySettings.queryOptions({ instanceId }));
  return current.data ? <SettingsEditor instanceId={instanceId} initial={current.data} /> : null;
}

function SettingsEditor({ instanceId, initial }: { instanceId: string; initial: Settings }) {
  const t = useTranslations("ai.autoReply");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Settings>(initial);
  const save = useMutation(
    trpc.aiReplies.saveAutoReplySettings.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.aiReplies.autoReplySettings.queryKey({ instanceId }), saved),
    }),
  );
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm({ ...form, [key]: value });
  const hour = (minute: number) => Math.round(minute / 60);

  return (
    <Stack gap="xs" mt="xs">
      <Switch
        label={t("enabled")}
        checked={form.enabled}
        onChange={(e) => set("enabled", e.currentTarget.checked)}
        data-testid="auto-reply-enabled"
      />
      <Select
        label={t("mode")}
        data={autoReplyModes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
        value={form.mode}
        onChange={(value) => value && set("mode", value as Settings["mode"])}
        allowDeselect={false}
        maw={320}
      />
      <Group grow maw={480}>
        <NumberInput
          label={t("businessStart")}
          min={0}
          max={24}
          value={hour(form.businessStartMinute)}
          onChange={(v) => set("businessStartMinute", Number(v) * 60)}
        />
        <NumberInput
          label={t("businessEnd")}
          min={0}
          max={24}
          value={hour(form.businessEndMinute)}
          onChange={(v) => set("businessEndMinute", Number(v) * 60)}
        />
        <NumberInput
          label={t("maxReplies")}
          min={1}
          max={20}
          value={form.maxRepliesPerConversation}
          onChange={(v) => set("maxRepliesPerConversation", Number(v) || 1)}
        />
      </Group>
      <Switch
        label={t("draftMode")}
        description={t("draftModeHint")}
        checked={form.draftMode}
        onChange={(e) => set("draftMode", e.currentTarget.checked)}
      />
      <TagsInput label={t("blockedTopics")} value={form.blockedTopics} onChange={(v) => set("blockedTopics", v)} />
      <TagsInput
        label={t("handoffKeywords")}
        value={form.handoffKeywords}
        onChange={(v) => set("handoffKeywords", v)}
      />
      <Group>
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() => {
            const { instanceId: _, ...rest } = form;
            save.mutate({ instanceId, ...rest });
          }}
          data-testid="auto-reply-save"
        >
          {t("save")}
        </Button>
        {save.isSuccess && (
          <Text size="xs" c="teal">
            {t("saved")}
          </Text>
        )}
      </Group>
      {save.error && <Alert color="red">{messageOf(save.error, t("failed"))}</Alert>}
    </Stack>
  );
}
