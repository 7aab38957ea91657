import type { MemberRole } from "./roles";

/** Who is acting, as established by the transport (session) or a job payload. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: MemberRole;
  /** The signed-in session acting, when the call came through one. */
  sessionId?: string;
}
