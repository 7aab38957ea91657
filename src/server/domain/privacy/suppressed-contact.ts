/** `contacts.blocked_reason` of a contact created again after its person was erased (a code). */
export const SUPPRESSED_CONTACT_REASON = "suppressed_erased";
