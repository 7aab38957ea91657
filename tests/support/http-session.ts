import { baseUrl } from "./test-env";

/** Signs in through next-auth's real endpoints; returns the Cookie header a browser would send. */
export async function signInOverHttp(email: string, password: string, base: string = baseUrl): Promise<string> {
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
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed with status ${response.status}`);
  return session.split(";")[0]!;
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
