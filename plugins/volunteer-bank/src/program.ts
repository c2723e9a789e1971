/** The program key districts enable; services import this, never the manifest. */
export const PROGRAM = 'volunteer-bank';
