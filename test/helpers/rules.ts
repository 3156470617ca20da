import { compilePacks, loadYamlSupport, parsePack, type Rule } from '../../src/rules/index.js';

await loadYamlSupport();

/** Compiles a pack written inline in a test; fails the test on any problem. */
export function compileTestPack(yamlText: string): Rule[] {
  const parsed = parsePack(yamlText, 'test-pack.yaml');
  if (parsed.pack === undefined || parsed.problems.length > 0) throw new Error(parsed.problems.join('\n'));
  const loaded = compilePacks([parsed.pack]);
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join('\n'));
  return loaded.rules;
}

/** A small pack used by engine tests: a prefixed token, a generic assignment, and a PEM block. */
export const TEST_PACK = `
provider:
  id: acme
  name: Acme
  remediation:
    rotateUrl: https://acme.test/keys
    steps: [Revoke the key at https://acme.test/keys]
rules:
  - id: acme.token
    name: Acme token
    description: acme_ followed by 24 alphanumerics.
    severity: high
    pattern: '\\b(?<secret>acme_[A-Za-z0-9]{24})\\b'
    keywords: [acme_]
    entropy: 3
    references: [https://acme.test/docs]
    tags: [test]
    examples: ['TOKEN=acme_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1', 'x acme_a8Kd92LmQz7Xw3Rt5Yp1Nc6B']
    negativeExamples: ['acme_Q7b9ZxW2kLm4Np8Rt6Yv3H']
  - id: acme.pem
    name: Acme PEM
    description: A private key block.
    severity: high
    pattern: '-----BEGIN (?:RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\\s]{64,8192}?-----END (?:RSA )?PRIVATE KEY-----'
    keywords: ['-----BEGIN']
    multiline: true
    validators: [pem-structure]
    references: [https://acme.test/docs]
    tags: [test]
    examples:
      - "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"
      - "-----BEGIN RSA PRIVATE KEY-----\\nMIIEogIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\\n-----END RSA PRIVATE KEY-----"
    negativeExamples: ["-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----"]
---
`.replace(/\n---\n$/, '\n');

/** A generic rule in its own pack (provider id \`generic\`), to test that specific rules win. */
export const GENERIC_PACK = `
provider:
  id: generic
  name: Generic
  remediation:
    rotateUrl: https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password
    steps: [Rotate it where it was issued]
rules:
  - id: generic.token-assignment
    name: Token assignment
    description: A token-named variable with a random value.
    severity: medium
    pattern: '[A-Za-z_]*[Tt][Oo][Kk][Ee][Nn]\\s*[=:]\\s*["'']?(?<secret>[A-Za-z0-9_]{16,64})'
    keywords: [token]
    entropy: 3.5
    references: [https://acme.test/docs]
    tags: [generic]
    examples: ['TOKEN=Zx81kQm2Lp9Wr4Tn', 'api_token: "Hq72LmZp9Xw4Rt1Kc8"']
    negativeExamples: ['TOKEN=aaaaaaaaaaaaaaaaaaaa']
`;
