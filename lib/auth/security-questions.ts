/** The security questions a person chooses from at registration (seed 004). */
export const SECURITY_QUESTIONS = [
  "What was the name of your first pet?",
  "What city were you born in?",
  "What was the make of your first car?",
  "What is your mother's maiden name?",
  "What was the name of your elementary school?",
  "What is the name of the street you grew up on?",
] as const;
