"use client";

import { Alert, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { resetPasswordInput } from "~/shared/schemas/account";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { BackToSignIn, SignInNotice } from "../../sign-in-notice";
import { useFormValues } from "../../../_components/use-form-values";
import { useFormCheck } from "../../../_components/use-schema-validation";

/** A new password from a single-use reset link; every session of the account ends. */
export function ResetPasswordForm(props: { token: string }) {
  const t = useTranslations("access");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const { values, setField } = useFormValues({ token: props.token, newPassword: "" });
  const reset = useMutation(trpc.access.resetPassword.mutationOptions());
  const { errors, check } = useFormCheck(resetPasswordInput, reset.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => reset.mutate(input));
  }
  if (reset.isSuccess) {
    return (
      <SignInNotice color="teal" testId="reset-done">
        {t("resetDone")}
      </SignInNotice>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("resetBody")}</Text>
        {reset.error && !Object.keys(errors).length && (
          <Alert color="red" data-testid="reset-problem">
            {messageOf(reset.error, "")}
          </Alert>
        )}
        <PasswordInput
          label={t("newPassword")}
          description={t("passwordHelp")}
          autoComplete="new-password"
          value={values.newPassword}
          error={errors.newPassword}
          onChange={(e) => setField("newPassword", e.currentTarget.value)}
        />
        <Button type="submit" loading={reset.isPending}>
          {t("save")}
        </Button>
        <BackToSignIn />
      </Stack>
    </form>
  );
}
