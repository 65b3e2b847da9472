// The one exit-code table (DESIGN.md). Only cli/ turns outcomes and errors into these.
export const EXIT = {
  pass: 0,
  rejected: 1,
  usage: 2,
  interrupted: 130,
} as const;
