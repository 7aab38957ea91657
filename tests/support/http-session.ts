import { baseUrl } from "./test-env";

export interface SignInAttempt {
  /** The Cookie header a browser would send next, or null when sign-in was refused. */
  cookie: string | null;
  /** next-auth's error code (e.g. invalid_credentials, second_factor_required), or null. */
  error: string | null;
  status: number;
}

/** Posts to next-auth's real credentials endpoint, with a second-factor code when given. */
export async function attemptSignIn(
  email: string,
  password: string,
  options: { code?: string; base?: string } = {},
): Promise<SignInAttempt> {
  const base = options.base ?? baseUrl;
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      json: "true",
      ...(options.code ? { code: options.code } : {}),
    }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, base).searchParams.get("error") : null;
  return { cookie: session ? session.split(";")[0]! : null, error, status: response.status };
}

/** Signs in through next-auth's real endpoints; returns the Cookie header a browser would send. */
export async function signInOverHttp(email: string, password: string, base: string = baseUrl): Promise<string> {
  const attempt = await attemptSignIn(email, password, { base });
  if (!attempt.cookie) throw new Error(`sign-in failed with status ${attempt.status} (${attempt.error ?? "no error"})`);
  return attempt.cookie;
}

/** Calls a tRPC mutation over HTTP as the browser does (superjson-encoded input). */
export async function trpcMutation(cookie: string, path: string, input?: unknown) {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(input === undefined ? {} : { json: input }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      result?: { data: { json: unknown } };
      error?: { json: { message: string; data: Record<string, unknown> } };
    },
  };
}

/** Calls a tRPC query over HTTP as the browser does; answers the status and the decoded result. */
export async function trpcQuery(cookie: string, path: string) {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, { headers: { cookie } });
  const body = (await response.json()) as { result?: { data: { json: unknown } } };
  return { status: response.status, data: body.result?.data.json };
}
