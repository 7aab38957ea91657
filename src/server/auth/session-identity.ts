/** Who a session says is signed in, before membership is checked (see require-actor.ts). */
export interface SessionIdentity {
  userId: string;
  organizationId: string;
  /** The server-side session the JWT names; absent only for callers built in-process (tests, scripts). */
  sessionId?: string;
}
