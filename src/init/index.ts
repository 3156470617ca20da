export type { FileChange, InitPlan, InitStep } from './steps.js';
export type { InitOptions } from './plan-init.js';
export { describeStep, isPlanSettled } from './steps.js';
export { planInit } from './plan-init.js';
export { applyStep } from './apply-step.js';
export { commitMsgBlock, HOOK_BLOCK, HOOK_MARKER, NATIVE_HOOK, nativeHook, preCommitBlock, type HookName } from './hook-script.js';
export { installSpecOf } from './install-spec.js';
export { STARTER_CONFIG } from './starter-config.js';
export { githubWorkflow } from './github-workflow.js';
