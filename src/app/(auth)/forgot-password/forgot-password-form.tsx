"use client";

import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { requestPasswordResetInput } from "~/shared/schemas/account";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { BackToSignIn, SignInNotice } from "../sign-in-notice";
import { useFormValues } from "../../_components/use-form-values";
import { useFormCheck } from "../../_components/use-schema-validation";

/** "Esqueci minha senha": the answer is the same whether or not the e-mail has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("access");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const byEmail = useQuery(trpc.access.resetByEmail.queryOptions());
  const { values, setField } = useFormValues({ email: "" });
  const request = useMutation(trpc.access.requestPasswordReset.mutationOptions());
  const { errors, check } = useFormCheck(requestPasswordResetInput, request.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    check(values, (input) => request.mutate(input));
  }
  if (byEmail.isPending) return null;
  if (byEmail.data && !byEmail.data.available) {
    return <SignInNotice color="yellow">{t("forgotNoEmail")}</SignInNotice>;
  }
  if (request.isSuccess) {
    return (
      <SignInNotice color="teal" testId="reset-requested">
        {t("forgotSent")}
      </SignInNotice>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("forgotBody")}</Text>
        {request.error && !Object.keys(errors).length && <Alert color="red">{messageOf(request.error, "")}</Alert>}
        <TextInput
          label={t("email")}
          type="email"
          autoComplete="username"
          value={values.email}
          error={errors.email}
          onChange={(e) => setField("email", e.currentTarget.value)}
        />
        <Button type="submit" loading={request.isPending}>
          {t("send")}
        </Button>
        <BackToSignIn />
      </Stack>
    </form>
  );
}
