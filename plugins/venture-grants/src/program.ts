/** The program key districts enable; services use it instead of importing the manifest. */
export const PROGRAM = 'venture-grants';
