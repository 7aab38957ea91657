/** Who a session says is signed in, before membership is checked (see require-actor.ts). */
export interface SessionIdentity {
  userId: string;
  organizationId: string;
}
