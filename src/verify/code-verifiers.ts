import type { VerificationStatus } from '../findings/index.js';
import { awsStsRequest, awsStsStandIn, classifyAwsSts } from './aws-sts.js';
import type { HttpRequest, HttpResponse } from './http-types.js';
import type { TemplateValues } from './template.js';

/** A verifier in code, for requests that must be signed; rules name it under `verify.code`. */
export interface CodeVerifier {
  /** The one host it sends to (it must be on the provider's allowed hosts too). */
  host: string;
  build: (values: TemplateValues, now: Date) => HttpRequest | string;
  classify: (response: HttpResponse) => { status: VerificationStatus; detail: string };
  /** Whether it can check these values at all (else the status is unknown with the reason). */
  accepts: (values: TemplateValues) => boolean;
  /** A local stand-in that accepts exactly `live` and rejects anything else. */
  standIn: (live: TemplateValues) => (request: HttpRequest) => HttpResponse;
}

/** Code verifiers by name. */
export const CODE_VERIFIERS: Readonly<Record<string, CodeVerifier>> = {
  'aws-sts': { host: 'sts.amazonaws.com', build: awsStsRequest, classify: classifyAwsSts, standIn: awsStsStandIn, accepts: (values) => typeof awsStsRequest(values, new Date(0)) !== 'string' },
};
