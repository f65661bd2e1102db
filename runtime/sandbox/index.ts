// Public face of the isolate pool (SPEC §6.10, §8.5): supervised child processes hosting isolated-vm isolates.
export { createSandboxPool } from "./pool.js";
export { produceCodeCache } from "./code-cache.js";
export { limitMessage } from "./protocol.js";
export {
  QueueFullError,
  QueueTimeoutError,
  PoolClosedError,
  type SandboxOptions,
  type SandboxEvent,
  type ScriptSource,
  type ScriptHandlers,
  type ScriptOutcome,
  type SandboxStats,
  type SandboxPool,
} from "./types.js";
