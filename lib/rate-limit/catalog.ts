import { RATE } from "@/lib/auth/policy";
import { MFA_RATE } from "@/lib/mfa/policy";
import { ASSOCIATION_FAILURES } from "@/lib/providers/policy";
import { REQUEST_RATE } from "@/lib/requests/policy";
import { SUPPORT_RATE } from "@/lib/support/policy";
import type { RateRule } from "./config";

/** Every configurable limit, for start-up validation and the test that keeps .env.example complete. */
export const RATE_RULES: RateRule[] = [...Object.values(RATE), ...Object.values(REQUEST_RATE), ...Object.values(MFA_RATE), ...Object.values(SUPPORT_RATE), ASSOCIATION_FAILURES];
