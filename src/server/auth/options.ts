import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../../env";
import { verifyCredentials } from "../domain/auth/verify-credentials";
import { listMyOrganizations } from "../domain/organizations/list-my-organizations";
import { moveSession } from "../domain/sessions/move-session";
import { startSession } from "../domain/sessions/start-session";
import { AppError } from "../errors";
import { logger } from "../logger";
import { clientIp } from "./client-ip";

/** The error codes the sign-in page turns into messages. */
export const signInErrors = {
  invalid: "invalid_credentials",
  throttled: "rate_limited",
  noOrganization: "no_organization",
  secondFactorRequired: "second_factor_required",
  invalidCode: "invalid_code",
  held: "sign_in_held",
} as const;

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  const settings = env();
  return {
    secret: settings.AUTH_SECRET,
    // HttpOnly and SameSite=Lax always (next-auth's defaults); Secure (and the __Secure- prefix) behind HTTPS.
    useSecureCookies: settings.APP_URL.startsWith("https://"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        name: "E-mail",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, request) {
          if (!credentials?.email || !credentials.password) throw new Error(signInErrors.invalid);
          const ip = clientIp(request.headers ?? {}, settings.TRUST_PROXY);
          try {
            const user = await verifyCredentials({
              email: credentials.email,
              password: credentials.password,
              code: credentials.code,
              ip,
              limits: {
                maxFailuresPerAccount: settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
                maxFailuresPerIp: settings.SIGN_IN_MAX_FAILURES_PER_IP,
                windowMinutes: settings.SIGN_IN_WINDOW_MINUTES,
              },
            });
            const userAgent = (request.headers as Record<string, string | undefined> | undefined)?.["user-agent"];
            const sessionId = await startSession({
              userId: user.userId,
              organizationId: user.organizationId,
              ip,
              userAgent: userAgent ?? null,
              maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
            });
            return {
              id: user.userId,
              name: user.name,
              email: user.email,
              organizationId: user.organizationId,
              sessionId,
            };
          } catch (error) {
            if (error instanceof AppError) {
              if (error.code === "RATE_LIMITED") throw new Error(signInErrors.throttled);
              if (error.reason === "signInHeld") throw new Error(signInErrors.held);
              if (error.code === "FORBIDDEN") throw new Error(signInErrors.noOrganization);
              if (error.reason === "secondFactorRequired") throw new Error(signInErrors.secondFactorRequired);
              if (error.reason === "twoFactorCodeInvalid") throw new Error(signInErrors.invalidCode);
              throw new Error(signInErrors.invalid);
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        // authorize() returns the organization with the user; next-auth's User type does not declare it.
        if (user && "organizationId" in user && typeof user.organizationId === "string")
          token.organizationId = user.organizationId;
        // The server-side session this token stands for (checked on every request, see active-identity.ts).
        if (user && "sessionId" in user && typeof user.sessionId === "string") token.sid = user.sessionId;
        // Switching organization: accepted only for an organization the person belongs to.
        if (trigger === "update" && typeof session?.organizationId === "string" && token.sub) {
          const organizations = await listMyOrganizations(token.sub);
          if (organizations.some((o) => o.id === session.organizationId)) {
            token.organizationId = session.organizationId;
            if (typeof token.sid === "string") await moveSession(token.sid, token.sub, session.organizationId);
          }
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.sub!,
          organizationId: token.organizationId as string,
          sessionId: token.sid as string | undefined,
        } as typeof session.user;
        return session;
      },
    },
  };
}
