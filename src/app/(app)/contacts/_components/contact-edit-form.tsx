"use client";

import { Alert, Button, Group, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { updateContactInput } from "~/shared/schemas/contacts";
import { useFormCheck } from "../../../_components/use-schema-validation";
import { DateField } from "../../../_components/date-fields";
import type { ContactDetail } from "./types";

/** The team's name for the contact and the organization's custom fields (checked by type on the server). */
export function ContactEditForm(props: { contact: ContactDetail; onSaved: () => Promise<void> }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts.detail");
  const trpc = useTRPC();
  const fields = useQuery(trpc.contacts.fields.list.queryOptions());
  const initial = (key: string) => {
    const value = props.contact.customFields[key];
    return value === undefined ? "" : String(value);
  };
  const [name, setName] = useState(props.contact.name ?? "");
  const [values, setValues] = useState<Record<string, string>>({});
  const update = useMutation(
    trpc.contacts.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "teal", message: t("saved") });
        setValues({});
        await props.onSaved();
      },
    }),
  );
  const { errors, check } = useFormCheck(updateContactInput, update.error);
  const dirty = name !== (props.contact.name ?? "") || Object.keys(values).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    check(
      {
        contactId: props.contact.id,
        name: name.trim() || null,
        customFields: Object.keys(values).length ? values : undefined,
      },
      (input) => update.mutate(input),
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={5}>{t("fields")}</Title>
        {update.error && !Object.keys(errors).length && <Alert color="red">{messageOf(update.error, "")}</Alert>}
        <TextInput
          label={t("name")}
          description={t("nameHelp")}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="contact-name-input"
        />
        {(fields.data ?? []).map((field) =>
          field.type === "date" ? (
            <DateField
              key={field.key}
              label={field.label}
              value={values[field.key] ?? initial(field.key)}
              error={errors[`customFields.${field.key}`]}
              onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
              data-testid={`custom-field-${field.key}`}
            />
          ) : (
            <TextInput
              key={field.key}
              label={field.label}
              inputMode={field.type === "number" ? "decimal" : undefined}
              value={values[field.key] ?? initial(field.key)}
              error={errors[`customFields.${field.key}`]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((current) => ({ ...current, [field.key]: value }));
              }}
              data-testid={`custom-field-${field.key}`}
            />
          ),
        )}
        <Group justify="flex-end">
          <Button type="submit" disabled={!dirty} loading={update.isPending} data-testid="contact-save">
            {t("save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
