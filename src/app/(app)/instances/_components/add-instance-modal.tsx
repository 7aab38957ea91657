"use client";

import { Alert, Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { createInstanceInput, instancePurposes } from "~/shared/schemas/instances";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormValues } from "../../../_components/use-form-values";
import { useFormCheck } from "../../../_components/use-schema-validation";

type Purpose = (typeof instancePurposes)[number];

export function AddInstanceModal(props: {
  opened: boolean;
  onClose: () => void;
  onCreated: (instance: { id: string; name: string }) => void;
}) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("instances");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { values, setValues, setField } = useFormValues({
    name: "",
    description: "",
    purpose: "atendimento" as Purpose,
    dailySendLimit: 1000,
  });
  const create = useMutation(
    trpc.instances.create.mutationOptions({
      onSuccess: async (instance) => {
        await queryClient.invalidateQueries({ queryKey: trpc.instances.list.queryKey() });
        setValues({ name: "", description: "", purpose: "atendimento", dailySendLimit: 1000 });
        props.onCreated(instance);
      },
    }),
  );
  const { errors, check } = useFormCheck(createInstanceInput, create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check({ ...values, description: values.description || undefined }, (input) => create.mutate(input));
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("add")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && !Object.keys(errors).length && <Alert color="red">{messageOf(create.error, "")}</Alert>}
          <TextInput
            label={t("name")}
            value={values.name}
            error={errors.name}
            data-autofocus
            onChange={(e) => setField("name", e.currentTarget.value)}
          />
          <Textarea
            label={t("description")}
            value={values.description}
            error={errors.description}
            onChange={(e) => setField("description", e.currentTarget.value)}
          />
          <Select
            label={t("purpose")}
            allowDeselect={false}
            data={instancePurposes.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
            value={values.purpose}
            onChange={(purpose) => purpose && setValues((v) => ({ ...v, purpose: purpose as Purpose }))}
          />
          <NumberInput
            label={t("dailySendLimit")}
            min={1}
            max={100000}
            value={values.dailySendLimit}
            error={errors.dailySendLimit}
            onChange={(n) => setValues((v) => ({ ...v, dailySendLimit: Number(n) || 0 }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
