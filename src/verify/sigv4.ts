import { createHash, createHmac } from 'node:crypto';

/** What AWS Signature Version 4 signs. Header names lower-case; `query` already in canonical order. */
export interface SigV4Input {
  method: string;
  host: string;
  path: string;
  query: string;
  /** Headers to sign besides `host` and `x-amz-date`. */
  headers: Record<string, string>;
  body: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** `YYYYMMDDTHHMMSSZ` for a date, as `x-amz-date` wants it. */
export function amzDateOf(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The `Authorization` header value of a SigV4-signed request (AWS "Create a signed AWS API
 * request"): canonical request, string to sign, the derived signing key, the signature.
 */
export function signatureV4(input: SigV4Input): string {
  const headers: Record<string, string> = { ...input.headers, host: input.host, 'x-amz-date': input.amzDate };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${(headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [input.method, input.path, input.query, canonicalHeaders, signedHeaders, sha256Hex(input.body)].join('\n');
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
