"use client";

import { Button, Group, Modal, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RouterOutputs } from "~/trpc/types";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Settings = RouterOutputs["ai"]["settings"];

/**
 * Admins: budget, the "enviar dados a provedor externo" switch (turning it on shows the LGPD
 * international-transfer notice first), redaction, log retention and the price of the provider's model.
 */
export function AiPrivacySettings({
  settings,
  model,
  transcriptionModel,
}: {
  settings: Settings;
  model: string | null;
  transcriptionModel: string | null;
}) {
  const t = useTranslations("ai.settings");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [budget, setBudget] = useState<number | string>(settings.monthlyBudget ?? "");
  const [currency, setCurrency] = useState(settings.currency);
  const [externalTransfer, setExternalTransfer] = useState(settings.externalTransfer);
  const [redact, setRedact] = useState(settings.redactPersonalData);
  const [retention, setRetention] = useState<number | string>(settings.logRetentionDays);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const priced = model ? settings.prices.find((price) => price.model === model) : undefined;
  // Edits over the stored price: the provider's model may arrive after this form mounted.
  const [priceEdit, setPriceEdit] = useState<{ input?: number | string; output?: number | string }>({});
  const priceIn = priceEdit.input ?? priced?.input ?? 0;
  const priceOut = priceEdit.output ?? priced?.output ?? 0;
  // Transcription is billed per minute of audio (whisper-1 and the like); defaults cover common models.
  const transcriptionPriced = transcriptionModel
    ? settings.prices.find((price) => price.model === transcriptionModel)
    : undefined;
  const [perMinuteEdit, setPerMinuteEdit] = useState<number | string | undefined>(undefined);
  const perMinute = perMinuteEdit ?? transcriptionPriced?.perMinute ?? 0;
  // The engine in use (overview), spend and prices all follow from these settings.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.ai.settings.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.ai.overview.pathKey() }),
    ]);
  const save = useMutation(trpc.ai.saveSettings.mutationOptions());
  const savePrices = useMutation(trpc.ai.saveModelPrices.mutationOptions());

  async function submit() {
    await save.mutateAsync({
      monthlyBudget: budget === "" ? null : Number(budget),
      currency: currency.trim().toUpperCase(),
      externalTransfer,
      redactPersonalData: redact,
      logRetentionDays: Number(retention),
    });
    if (model || transcriptionModel) {
      const custom: Record<string, { input: number; output: number; perMinute?: number }> = Object.fromEntries(
        settings.prices.map(({ model: name, ...price }) => [name, price]),
      );
      if (model) custom[model] = { ...custom[model], input: Number(priceIn), output: Number(priceOut) };
      if (transcriptionModel)
        custom[transcriptionModel] = {
          input: custom[transcriptionModel]?.input ?? 0,
          output: custom[transcriptionModel]?.output ?? 0,
          perMinute: Number(perMinute),
        };
      await savePrices.mutateAsync({ prices: custom });
    }
    notifications.show({ color: "teal", message: t("saved") });
    await refresh();
  }

  return (
    <Paper withBorder p="md" data-testid="ai-settings">
      <Title order={4} mb="sm">
        {t("title")}
      </Title>
      <Stack gap="sm" maw={560}>
        <Switch
          label={t("externalTransfer")}
          description={t("externalTransferHint")}
          checked={externalTransfer}
          onChange={(event) => (event.currentTarget.checked ? setNoticeOpen(true) : setExternalTransfer(false))}
          data-testid="ai-external-transfer"
        />
        <Switch
          label={t("redact")}
          description={t("redactHint")}
          checked={redact}
          onChange={(event) => setRedact(event.currentTarget.checked)}
        />
        <Group grow>
          <NumberInput
            label={t("budget")}
            description={t("budgetHint")}
            min={0}
            decimalScale={2}
            value={budget}
            onChange={setBudget}
            data-testid="ai-budget"
          />
          <TextInput
            label={t("currency")}
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
          />
        </Group>
        {model && (
          <Group grow>
            <NumberInput
              label={t("priceIn", { model })}
              min={0}
              decimalScale={4}
              value={priceIn}
              onChange={(input) => setPriceEdit((edit) => ({ ...edit, input }))}
            />
            <NumberInput
              label={t("priceOut", { model })}
              min={0}
              decimalScale={4}
              value={priceOut}
              onChange={(output) => setPriceEdit((edit) => ({ ...edit, output }))}
            />
          </Group>
        )}
        {transcriptionModel && (
          <NumberInput
            label={t("pricePerMinute", { model: transcriptionModel })}
            description={t("pricePerMinuteHint")}
            min={0}
            decimalScale={4}
            value={perMinute}
            onChange={setPerMinuteEdit}
            data-testid="ai-price-per-minute"
          />
        )}
        <NumberInput label={t("retention")} min={1} max={3650} value={retention} onChange={setRetention} />
        {(save.error || savePrices.error) && (
          <Text size="sm" c="red">
            {messageOf(save.error ?? savePrices.error, t("saveError"))}
          </Text>
        )}
        <Group>
          <Button
            onClick={() => void submit()}
            loading={save.isPending || savePrices.isPending}
            data-testid="ai-settings-save"
          >
            {t("save")}
          </Button>
        </Group>
      </Stack>
      <Modal opened={noticeOpen} onClose={() => setNoticeOpen(false)} title={t("notice.title")} size="lg">
        <Stack>
          <Text size="sm">{t("notice.body")}</Text>
          <Text size="sm">{t("notice.redaction")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNoticeOpen(false)}>
              {t("notice.cancel")}
            </Button>
            <Button
              onClick={() => {
                setExternalTransfer(true);
                setNoticeOpen(false);
              }}
              data-testid="ai-transfer-accept"
            >
              {t("notice.accept")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
