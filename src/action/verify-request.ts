import type { VerifyRequest } from '../pipeline/index.js';
import { createVerifier, httpsTransport, parseNetworkEnv, type Verifier } from '../verify/index.js';
import type { ActionInputs } from './inputs.js';
import { logInfo } from './toolkit.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Verification for the action's scan: the `verify` input, else the config's `verify` (in a pull
 * request, the base commit's config). Network settings come from the runner's environment
 * (`HTTPS_PROXY`, `NO_PROXY`), read only when verification runs.
 */
export function verifyRequestFor(inputs: ActionInputs, env: Env): VerifyRequest {
  let verifier: Verifier | undefined;
  return {
    ...(inputs.verify === undefined ? {} : { isOn: inputs.verify }),
    verifier: () => {
      if (verifier === undefined) {
        logInfo('secretscan: verifying each finding with its provider (one read-only request per secret, to that provider only)');
        verifier = createVerifier({ transport: httpsTransport(parseNetworkEnv(env)) });
      }
      return verifier;
    },
  };
}
