// The library object every render module receives as `$lib` (bundled into dist as render-lib.<hash>.js, so an
// old dist keeps its exact template semantics under a newer runtime).
import * as lib from "./template-lib/index.js";
import { loopKeys, componentScope } from "./render-support.js";

export const renderLib = Object.freeze({ ...lib, loopKeys, componentScope });
