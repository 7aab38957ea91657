"use client";

import { Alert, Button, Group, Paper, PasswordInput, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { changePasswordInput } from "~/shared/schemas/account";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormValues } from "../../_components/use-form-values";
import { useFormCheck } from "../../_components/use-schema-validation";

export function PasswordSection(props: { mustChange: boolean }) {
  const t = useTranslations("account");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const router = useRouter();
  const { values, setValues, setField } = useFormValues({ currentPassword: "", newPassword: "" });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: (result) => {
        notifications.show({ color: "teal", message: t("passwordChanged", { count: result.endedSessions }) });
        setValues({ currentPassword: "", newPassword: "" });
        if (props.mustChange) router.replace("/");
        router.refresh();
      },
    }),
  );
  const { errors, check } = useFormCheck(changePasswordInput, change.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => change.mutate(input));
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t("password")}</Title>
          {props.mustChange && (
            <Alert color="yellow" data-testid="must-change-password">
              {t("mustChange")}
            </Alert>
          )}
          {change.error && !Object.keys(errors).length && <Alert color="red">{messageOf(change.error, "")}</Alert>}
          <PasswordInput
            label={t("currentPassword")}
            autoComplete="current-password"
            value={values.currentPassword}
            error={errors.currentPassword}
            onChange={(e) => setField("currentPassword", e.currentTarget.value)}
          />
          <PasswordInput
            label={t("newPassword")}
            autoComplete="new-password"
            value={values.newPassword}
            error={errors.newPassword}
            onChange={(e) => setField("newPassword", e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t("changePassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
