/** English strings for the recognition area; merged into the catalog in en.ts. */
export const recognitionEn = {} as const;
