import type { Actor } from "./actor";
import { isAdminRole } from "./roles";

export interface ActorDescription extends Actor {
  /** What the UI hides or shows by role: computed here so pages and client components agree. */
  isAdmin: boolean;
}

export function describeActor(actor: Actor): ActorDescription {
  return {
    userId: actor.userId,
    organizationId: actor.organizationId,
    role: actor.role,
    isAdmin: isAdminRole(actor.role),
  };
}
