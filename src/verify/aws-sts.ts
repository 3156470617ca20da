import type { VerificationStatus } from '../findings/index.js';
import type { HttpRequest, HttpResponse } from './http-types.js';
import { amzDateOf, signatureV4 } from './sigv4.js';
import type { TemplateValues } from './template.js';

const HOST = 'sts.amazonaws.com';
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
const KEY_ID = /^(?:AKIA|ABIA|ACCA)[A-Z2-7]{16}$/;

/** The key id and the secret key of a pair, whichever rule found which. */
function pairOf(values: TemplateValues): { keyId: string; secretKey: string } | string {
  const all = [values.secret, ...values.partners.values()];
  const keyId = all.find((value) => KEY_ID.test(value));
  const secretKey = all.find((value) => /^[A-Za-z0-9/+]{40}$/.test(value));
  if (all.some((value) => value.startsWith('ASIA'))) return 'temporary (ASIA) credentials need their session token';
  if (keyId === undefined || secretKey === undefined) return 'an access key id and its secret access key are both needed';
  return { keyId, secretKey };
}

function signed(keyId: string, secretKey: string, amzDate: string): string {
  return signatureV4({ method: 'POST', host: HOST, path: '/', query: '', headers: { 'content-type': CONTENT_TYPE }, body: BODY, region: 'us-east-1', service: 'sts', amzDate, accessKeyId: keyId, secretAccessKey: secretKey });
}

/**
 * `sts:GetCallerIdentity`, signed with SigV4: it needs no permission, changes nothing and answers
 * 200 for a live key pair and 403 (InvalidClientTokenId, SignatureDoesNotMatch) otherwise.
 */
export function awsStsRequest(values: TemplateValues, now: Date): HttpRequest | string {
  const pair = pairOf(values);
  if (typeof pair === 'string') return pair;
  const amzDate = amzDateOf(now);
  const headers = { 'content-type': CONTENT_TYPE, 'x-amz-date': amzDate, authorization: signed(pair.keyId, pair.secretKey, amzDate), accept: 'application/xml' };
  return { method: 'POST', url: new URL(`https://${HOST}/`), headers, body: BODY };
}

/** The status STS's answer means; the detail names the AWS error code, never the body. */
export function classifyAwsSts(response: HttpResponse): { status: VerificationStatus; detail: string } {
  const code = /<Code>([A-Za-z.]{1,64})<\/Code>/.exec(response.body)?.[1];
  const seen = `HTTP ${response.status} from ${HOST}${code === undefined ? '' : ` (${code})`}`;
  if (response.status === 200) return { status: 'live', detail: `${seen}: accepted` };
  if (response.status === 403 && (code === undefined || /^(?:InvalidClientTokenId|SignatureDoesNotMatch|AccessDenied)$/.test(code))) return { status: 'revoked', detail: `${seen}: rejected` };
  return { status: 'unknown', detail: `${seen}: neither accepted nor rejected` };
}

/** A stand-in for STS that accepts exactly the pair in `live`: it recomputes the signature with that secret. */
export function awsStsStandIn(live: TemplateValues): (request: HttpRequest) => HttpResponse {
  const pair = pairOf(live);
  return (request) => {
    const amzDate = request.headers['x-amz-date'] ?? '';
    const isValid = typeof pair !== 'string' && request.method === 'POST' && request.body === BODY && request.headers.authorization === signed(pair.keyId, pair.secretKey, amzDate);
    if (isValid) return { status: 200, body: '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:user/stand-in</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>' };
    return { status: 403, body: '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code></Error></ErrorResponse>' };
  };
}
