"use client";

import { Alert, Button, Paper, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, type FormEvent } from "react";
import { updateOrganizationInput } from "~/shared/schemas/organization";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormValues } from "../../_components/use-form-values";
import { useMyRole } from "../../_components/use-my-role";
import { useFormCheck } from "../../_components/use-schema-validation";

export function OrganizationForm() {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.current.queryOptions());
  const me = useMyRole();
  if (!organization.data || !me.loaded) return null;
  return (
    <OrganizationFields
      key={`${organization.data.name}|${organization.data.timezone}`}
      initial={{ name: organization.data.name, timezone: organization.data.timezone }}
      canEdit={me.isAdmin}
    />
  );
}

function OrganizationFields({ initial, canEdit }: { initial: { name: string; timezone: string }; canEdit: boolean }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values, setValues, setField } = useFormValues(initial);
  const timezones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const update = useMutation(
    trpc.organization.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("saved") });
        await queryClient.invalidateQueries({ queryKey: trpc.organization.current.queryKey() });
      },
    }),
  );
  const { errors, check } = useFormCheck(updateOrganizationInput, update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => update.mutate(input));
  }

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {!canEdit && <Alert color="gray">{t("onlyAdmins")}</Alert>}
          {update.error && !Object.keys(errors).length && <Alert color="red">{messageOf(update.error, "")}</Alert>}
          <TextInput
            label={t("name")}
            name="name"
            value={values.name}
            error={errors.name}
            disabled={!canEdit}
            onChange={(e) => setField("name", e.currentTarget.value)}
          />
          <Select
            label={t("timezone")}
            searchable
            data={timezones}
            value={values.timezone}
            error={errors.timezone}
            disabled={!canEdit}
            onChange={(timezone) => timezone && setValues((v) => ({ ...v, timezone }))}
          />
          <Button type="submit" loading={update.isPending} disabled={!canEdit} w="fit-content">
            {t("save")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
