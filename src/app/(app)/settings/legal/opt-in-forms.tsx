"use client";

import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { saveOptInFormInput } from "~/shared/schemas/legal";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormCheck } from "../../../_components/use-schema-validation";

/** Public opt-in forms: the link to share, the exact wording (versioned) and the number that confirms. */
export function OptInForms() {
  const t = useTranslations("settings.legal");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const forms = useQuery(trpc.legal.optInForms.list.queryOptions());
  const instances = useQuery(trpc.instances.list.queryOptions());
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [wording, setWording] = useState("");
  const save = useMutation(
    trpc.legal.optInForms.save.mutationOptions({
      onSuccess: async () => {
        setWording("");
        await queryClient.invalidateQueries({ queryKey: trpc.legal.optInForms.list.queryKey() });
      },
    }),
  );
  const { errors, check } = useFormCheck(saveOptInFormInput, save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check({ instanceId: instanceId ?? "", wording, active: true }, (input) => save.mutate(input));
  }
  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Title order={4}>{t("optIn")}</Title>
          <Text size="sm" c="dimmed">
            {t("optInIntro")}
          </Text>
        </div>
        {!!forms.data?.length && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("optInLink")}</Table.Th>
                <Table.Th>{t("version")}</Table.Th>
                <Table.Th>{t("optInCounts")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forms.data.map((form) => (
                <Table.Tr key={form.id}>
                  <Table.Td>
                    <Anchor href={`/optin/${form.token}`} target="_blank" data-testid="opt-in-link">
                      /optin/{form.token}
                    </Anchor>{" "}
                    {!form.active && <Badge color="gray">{t("inactive")}</Badge>}
                  </Table.Td>
                  <Table.Td>{form.wordingVersion}</Table.Td>
                  <Table.Td>{t("optInCountsValue", { confirmed: form.confirmed, pending: form.pending })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={submit} noValidate>
          <Stack>
            {save.error && !Object.keys(errors).length && <Text c="red">{messageOf(save.error, t("failed"))}</Text>}
            <Select
              label={t("optInNumber")}
              data={(instances.data?.instances ?? []).map((i) => ({ value: i.id, label: i.name }))}
              value={instanceId}
              error={errors.instanceId}
              onChange={setInstanceId}
              data-testid="opt-in-instance"
            />
            <Textarea
              label={t("optInWording")}
              value={wording}
              error={errors.wording}
              onChange={(e) => setWording(e.currentTarget.value)}
              data-testid="opt-in-wording-input"
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="opt-in-save">
                {t("createOptIn")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
