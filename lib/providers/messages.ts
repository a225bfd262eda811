/** What the association pages say for each outcome (seed 001, 003, 004). Browser-safe. */

export const HELP_LINES = "1-855-202-1058 (Medicaid) or 1-833-230-2030 (Marketplace)";

export const ASSOCIATION_MESSAGES = {
  notFoundTitle: "The provider does not exist in Provider Portal",
  notFound: `Check the Tax ID and Provider ID/Billing Number against your Explanation of Benefit (EOB) or Welcome Letter. If they are right, the provider may not be entered in our system yet: call the help line at ${HELP_LINES}.`,
  mismatchTitle: "The information does not match our records",
  mismatch: "One or more details do not match what we have on file for this provider. Check every field against your Explanation of Benefit (EOB) or Welcome Letter and try again.",
  alreadyLinkedTitle: "This provider is already linked to your account",
  alreadyLinked: "You can switch to it from the account ribbon or see it under Manage Linked Accounts.",
  adminExistsTitle: "An administrator already manages this provider",
  rateLimitedTitle: "Too many attempts",
  noPendingTitle: "Enter your provider details first",
  noPending: "Your provider details were not found or have expired. Enter them again to continue.",
  agreementChanged: "The Provider Agreement has been updated. Read the new version and accept it to continue.",
} as const;

export function adminExistsMessage(adminCount: number): string {
  const admins = adminCount === 1 ? "1 administrator" : `${adminCount} administrators`;
  return `No link was made. This provider has ${admins}, who decide who may act for it. Contact them and request access: you can send them an access request for yourself.`;
}

export function rateLimitedMessage(retry: string): string {
  return `Too many provider details that did not match. Try again ${retry}. If you are sure of your details, call the help line at ${HELP_LINES}.`;
}

export const ACCEPT_AGREEMENT_MESSAGE = "Check the box to accept the Provider Agreement";
