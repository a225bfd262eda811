export * from "./registry";
export * from "./outbox";
export * from "./audit";
export * from "./rate-limits";
export * from "./users";
export * from "./mfa";
export * from "./memberships";
export * from "./pending-associations";
