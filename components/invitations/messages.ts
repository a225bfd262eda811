/** What the invitation page says when an invitation cannot be used. Browser-safe. */
export const INVITATION_REFUSALS = {
  not_found: "This invitation link is not valid. Check that you opened the whole link from the email, or ask the administrator to send a new one.",
  used: "This invitation was already used. Sign in to reach the provider.",
  expired: "This invitation has expired. Ask the provider's administrator to send a new one.",
  cancelled: "This invitation was cancelled by the provider's administrator.",
  wrong_email: "This invitation is for a different email address. Sign out, then sign in or create an account with the invited address.",
  not_verified: "Your session ended. Sign in again to accept the invitation.",
  already_member: "You are already a user of this provider. Switch to it from the account ribbon.",
  agreement_changed: "The Provider Agreement has been updated. Read the new version and accept it to continue.",
} as const;
