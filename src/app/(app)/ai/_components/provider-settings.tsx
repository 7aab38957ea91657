"use client";

import { Alert, Button, Group, NumberInput, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "~/trpc/types";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { saveAiProviderInput } from "~/shared/schemas/ai";
import { useFormCheck } from "../../../_components/use-schema-validation";

/**
 * Admins' settings of an OpenAI-compatible provider. The stored key never comes back: the field stays
 * empty, and leaving it empty keeps the key.
 */
export function ProviderSettings() {
  const { messageOf } = useErrorWording();
  const t = useTranslations("ai.provider");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const provider = useQuery(trpc.ai.provider.queryOptions());
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.ai.provider.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.ai.overview.pathKey() });
  };
  const save = useMutation(
    trpc.ai.saveProvider.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("saved") });
        setApiKey("");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.ai.removeProvider.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.ai.testProvider.mutationOptions());
  const [apiKey, setApiKey] = useState("");
  const { errors, check } = useFormCheck(saveAiProviderInput, save.error);
  if (provider.isPending) return null;
  const current = provider.data ?? null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    check(
      {
        baseUrl: String(form.get("baseUrl") ?? "").trim(),
        model: String(form.get("model") ?? "").trim(),
        transcriptionModel: String(form.get("transcriptionModel") ?? "").trim() || undefined,
        timeoutMs: Number(form.get("timeoutSeconds") ?? 15) * 1000,
        ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      },
      (input) => save.mutate(input),
    );
  }

  return (
    <Paper withBorder p="md" data-testid="ai-provider">
      <Title order={4}>{t("title")}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("hint")}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={560}>
          <TextInput
            name="baseUrl"
            label={t("baseUrl")}
            placeholder="https://api.openai.com/v1"
            defaultValue={current?.baseUrl ?? ""}
            error={errors.baseUrl}
            required
          />
          <PasswordInput
            label={t("apiKey")}
            placeholder={current?.hasKey ? t("apiKeyKept") : t("apiKeyNone")}
            value={apiKey}
            onChange={(event) => setApiKey(event.currentTarget.value)}
            autoComplete="off"
            error={errors.apiKey}
          />
          <Group grow>
            <TextInput
              name="model"
              label={t("model")}
              placeholder="gpt-4o-mini"
              defaultValue={current?.model ?? ""}
              error={errors.model}
              required
            />
            <TextInput
              name="transcriptionModel"
              label={t("transcriptionModel")}
              description={t("transcriptionModelHint")}
              placeholder="whisper-1"
              defaultValue={current?.transcriptionModel ?? "whisper-1"}
              error={errors.transcriptionModel}
            />
            <NumberInput
              name="timeoutSeconds"
              label={t("timeout")}
              min={1}
              max={120}
              defaultValue={(current?.timeoutMs ?? 15_000) / 1000}
            />
          </Group>
          {save.error && !Object.keys(errors).length && (
            <Alert color="red">{messageOf(save.error, t("saveError"))}</Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="ai-provider-save">
              {t("save")}
            </Button>
            {current && (
              <>
                <Button
                  variant="default"
                  loading={test.isPending}
                  onClick={() => test.mutate()}
                  data-testid="ai-provider-test"
                >
                  {t("test")}
                </Button>
                <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                  {t("remove")}
                </Button>
              </>
            )}
          </Group>
          {test.data && <TestOutcome result={test.data} />}
          {test.error && <Alert color="red">{messageOf(test.error, t("saveError"))}</Alert>}
        </Stack>
      </form>
    </Paper>
  );
}

function TestOutcome({ result }: { result: RouterOutputs["ai"]["testProvider"] }) {
  const t = useTranslations("ai.provider");
  return result.ok ? (
    <Alert color="teal" data-testid="ai-provider-test-result" data-ok="true">
      {t("testOk", { ms: result.latencyMs })}
    </Alert>
  ) : (
    <Alert color="red" data-testid="ai-provider-test-result" data-ok="false">
      {t(`failures.${result.failure}`)}
      {result.status ? ` (HTTP ${result.status})` : ""}
    </Alert>
  );
}
