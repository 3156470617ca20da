// Live verification (`--verify`): asks each secret's provider whether it is still accepted.
export type { HttpRequest, HttpResponse, Transport } from './http-types.js';
export type { Address, NetworkOptions, ProxySettings } from './network-options.js';
export type { TemplateValues } from './template.js';
export type { Verifier, VerifierOptions } from './verifier.js';
export { createVerifier } from './verifier.js';
export { httpsTransport } from './https-transport.js';
export { checkVerifiers } from './check-verifiers.js';
export { verifierProblems } from './check-verifier.js';
export { alteredValue, secretIn, standInFor, verifierCasesOf } from './stand-in.js';
export { PROVIDER_HOSTS } from './provider-hosts.js';
export { parseNetworkEnv } from './network-env.js';
export { signatureV4 } from './sigv4.js';
