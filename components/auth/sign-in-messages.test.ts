import { describe, expect, it } from "vitest";
import { UNEXPECTED_ERROR } from "@/components/forms/messages";
import { signInFailure } from "./sign-in-messages";

describe("sign-in failure wording (the same for the form's script and the page's ?error=)", () => {
  it("warns before the lock from two tries left, and only then", () => {
    expect(signInFailure("invalid:4").text).toBe("The email or password is incorrect.");
    expect(signInFailure("invalid:3").text).toBe("The email or password is incorrect.");
    expect(signInFailure("invalid:2").text).toBe("The email or password is incorrect. 2 tries left before the account is locked for 24 hours.");
    expect(signInFailure("invalid:1").text).toBe("The email or password is incorrect. 1 try left before the account is locked for 24 hours.");
    expect(signInFailure("invalid").text).toBe("The email or password is incorrect.");
    expect(signInFailure("CredentialsSignin").text).toBe("The email or password is incorrect.");
  });

  it("a code typed into the address bar says nothing odd", () => {
    for (const code of ["invalid:0", "invalid:-1", "invalid:2.5", "invalid:99", "invalid:abc"]) expect(signInFailure(code).text).toBe("The email or password is incorrect.");
    for (const code of ["", "Configuration", "<script>", "unavailable"]) expect(signInFailure(code).text).toBe(UNEXPECTED_ERROR);
    expect(signInFailure("rate_limited:abc").text).toBe("Too many sign-in attempts. Try again in a minute.");
  });

  it("locked, not activated (with the resend link) and rate limited", () => {
    expect(signInFailure("locked").text).toContain("Your account is locked");
    expect(signInFailure("not_activated")).toEqual({ text: expect.stringContaining("not activated yet"), resend: true });
    expect(signInFailure("rate_limited:30").text).toBe("Too many sign-in attempts. Try again in a minute.");
    expect(signInFailure("rate_limited:600").text).toBe("Too many sign-in attempts. Try again in 10 minutes.");
  });
});
