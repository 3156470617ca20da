/**
 * Secret-shaped values for tests. They are made up, and built by concatenation so that this file
 * itself holds no complete token.
 */
export const FAKE = {
  stripe: ['sk', 'live', 'Q7b9ZxW2kLm4Np8Rt6Yv3Hs1'].join('_'),
  stripeOther: ['sk', 'live', 'a8Kd92LmQz7Xw3Rt5Yp1Nc6B'].join('_'),
  stripeThird: ['sk', 'live', 'Zr4Tq8Wm2Xc6Vb1Nn5Kp9Lj3'].join('_'),
  awsKeyId: ['AKIA', 'Q3MZ7XW2KLP4NB6R'].join(''),
  /** An RSA private key block with a random (not a real key) body. */
  pem: [
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEAx8Fq2Lr5Tz0Xv7Nb3Mc9Yp4Hs6Jf1AgKd8Wq2Lr5Tz0Xv7Nb3Mc',
    '9Yp4Hs6Jf1AgQ7b9ZxW2kLm4Np8Rt6Yv3Hs1a8Kd92LmQz7Xw3Rt5Yp1Nc6BZr4Tq8Wm',
    '2Xc6Vb1Nn5Kp9Lj3x8Fq2Lr5Tz0Xv7Nb3Mc9Yp4Hs6Jf1AgKd8Wq2Lr5Tz0Xv7Nb3M=',
    '-----END RSA PRIVATE KEY-----',
  ].join('\n'),
} as const;
