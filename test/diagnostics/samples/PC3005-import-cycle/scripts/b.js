import { a } from "a";
export const b = 2;
