/** Wording shared by every form, on the server and in the browser. */
export const UNEXPECTED_ERROR = "Something went wrong on our side and nothing was changed. Try again, and call support if it keeps happening.";
