// The rule checker: runs rules' examples through the engine and times them on adversarial input.
// It sits above both the rules (which it checks) and the engine (which it runs them with).
export { checkRules, scanExample } from './check.js';
