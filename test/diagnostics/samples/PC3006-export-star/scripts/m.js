export * from "n";
export const a = 1;
