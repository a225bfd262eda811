/** Message Box limits, browser-safe (the forms' maxLength and the server's schema share them). */
export const BODY_MAX = 5000;
export const SUBJECT_MAX = 150;
export const MAX_RECIPIENTS = 50;
