/** Codes of reporting events; the UI names them, the server only stores and counts them. */
export const reportingKinds = {
  messageInbound: "message.inbound",
  messageOutbound: "message.outbound",
  firstResponse: "conversation.first_response",
  resolved: "conversation.resolved",
  reopened: "conversation.reopened",
  assigned: "conversation.assigned",
} as const;

export type ReportingKind = (typeof reportingKinds)[keyof typeof reportingKinds];
