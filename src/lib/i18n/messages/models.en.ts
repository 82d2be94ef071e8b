/** English strings for the models area; merged into the catalog in en.ts. */
export const modelsEn = {} as const;
