// Static check of literal `date` formats (SPEC §3.7, PC1052): letters that are neither tokens nor quoted are
// copied as they are, which is almost always a mistake (`YYYY`, `DD`). Finds them and builds the fixed format.

// Longest first at each position, as the runtime formatter matches them.
const TOKENS = ["yyyy", "yy", "MMMM", "MMM", "MM", "M", "dd", "d", "HH", "H", "hh", "h", "mm", "m", "ss", "s"];
// The fixes the spec names; any other stray letters are quoted so they stay literal text.
const FIXES: Record<string, string> = { D: "d", DD: "dd", YYYY: "yyyy", YY: "yy" };
const isLetter = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");

export interface DateFormatProblem {
  /** Distinct runs of stray letters, in order of appearance. */
  runs: string[];
  /** The format with each run fixed. */
  fixed: string;
}

export function checkDateFormat(format: string): DateFormatProblem | null {
  const runs: string[] = [];
  let fixed = "";
  let run = "";
  const flush = () => {
    if (!run) return;
    if (!runs.includes(run)) runs.push(run);
    fixed += Object.hasOwn(FIXES, run) ? FIXES[run] : `'${run}'`;
    run = "";
  };
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === "'") {
      flush();
      // `''` is a quote; otherwise copy up to the closing quote (`''` inside quoted text is a quote too).
      let j = i + 1;
      if (format[j] !== "'") {
        while (j < format.length) {
          if (format[j] === "'") {
            if (format[j + 1] === "'") { j += 2; continue; }
            break;
          }
          j++;
        }
      }
      j = Math.min(j + 1, format.length);
      fixed += format.slice(i, j);
      i = j;
      continue;
    }
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      flush();
      fixed += token;
      i += token.length;
    } else if (isLetter(c)) {
      run += c;
      i++;
    } else {
      flush();
      fixed += c;
      i++;
    }
  }
  flush();
  return runs.length ? { runs, fixed } : null;
}
