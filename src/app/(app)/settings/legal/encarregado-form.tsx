"use client";

import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { saveEncarregadoInput } from "~/shared/schemas/legal";
import { useTRPC } from "~/trpc/react";
import { useFormCheck } from "../../../_components/use-schema-validation";

/** The encarregado (DPO) the privacy policy publishes (ANPD Res. 18/2024). */
export function EncarregadoForm() {
  const trpc = useTRPC();
  const current = useQuery(trpc.legal.encarregado.queryOptions());
  if (!current.data) return null;
  // Keyed by the saved values: the fields start from them and restart after a save.
  return <EncarregadoFields key={`${current.data.name}|${current.data.email}`} initial={current.data} />;
}

function EncarregadoFields({ initial }: { initial: { name: string | null; email: string | null } }) {
  const t = useTranslations("settings.legal");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial.name ?? "");
  const [email, setEmail] = useState(initial.email ?? "");
  const save = useMutation(
    trpc.legal.saveEncarregado.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("saved") });
        await queryClient.invalidateQueries({ queryKey: trpc.legal.encarregado.queryKey() });
      },
    }),
  );
  const { errors, check } = useFormCheck(saveEncarregadoInput, save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check({ name, email }, (input) => save.mutate(input));
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={4}>{t("encarregado")}</Title>
            <Text size="sm" c="dimmed">
              {t("encarregadoIntro")}
            </Text>
          </div>
          <Group grow align="flex-start">
            <TextInput
              label={t("encarregadoName")}
              value={name}
              error={errors.name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="dpo-name"
            />
            <TextInput
              label={t("encarregadoEmail")}
              value={email}
              error={errors.email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="dpo-email"
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="dpo-save">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
