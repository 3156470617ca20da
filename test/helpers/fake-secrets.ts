/**
 * Secret-shaped values for tests. They are made up, and built by concatenation so that this file
 * itself holds no complete token.
 */
export const FAKE = {
  stripe: ['sk', 'live', 'Q7b9ZxW2kLm4Np8Rt6Yv3Hs1'].join('_'),
  stripeOther: ['sk', 'live', 'a8Kd92LmQz7Xw3Rt5Yp1Nc6B'].join('_'),
  awsKeyId: ['AKIA', 'Q3MZ7XW2KLP4NB6R'].join(''),
} as const;
