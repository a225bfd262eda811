import { UNEXPECTED_ERROR } from "@/components/forms/messages";

export interface SignInFailure {
  text: string;
  /** Offer "Resend activation email" beside the message. */
  resend?: boolean;
}

/**
 * What each sign-in error code from lib/next/auth-options.ts (SIGN_IN_ERROR) means to a person.
 * One wording whether the code came back to the form's script or to the page as `?error=`
 * (a sign-in posted without JavaScript): the login page renders it on the server.
 */
export function signInFailure(code: string): SignInFailure {
  if (code === "locked") {
    return { text: "Your account is locked because of too many failed sign-in attempts. Reset your password with Forgot Password?, or wait 24 hours and try again." };
  }
  if (code === "not_activated") {
    return { text: "Your account is not activated yet. Open the Activate Account link in the email we sent you.", resend: true };
  }
  if (code.startsWith("rate_limited")) {
    const seconds = Number(code.split(":")[1] ?? 60);
    const minutes = Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 60) / 60));
    return { text: `Too many sign-in attempts. Try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.` };
  }
  if (code.startsWith("invalid") || code === "CredentialsSignin") {
    const left = Number(code.split(":")[1]);
    // Warn from the third consecutive failure on (the same for every email, known or not).
    if (left >= 1 && left <= 2) {
      return { text: `The email or password is incorrect. ${left} ${left === 1 ? "try" : "tries"} left before the account is locked for 24 hours.` };
    }
    return { text: "The email or password is incorrect." };
  }
  return { text: UNEXPECTED_ERROR };
}
