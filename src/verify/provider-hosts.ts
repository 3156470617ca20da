/**
 * The hosts a secret of each provider may be sent to, in code so no rule pack can widen them: a
 * verifier's URL must be `https://` on one of its provider's hosts, and a request to any other
 * host is refused before it is made. A provider missing here has no verifier.
 */
export const PROVIDER_HOSTS: Readonly<Record<string, readonly string[]>> = {
  airtable: ['api.airtable.com'],
  alpaca: ['api.alpaca.markets', 'paper-api.alpaca.markets'],
  anthropic: ['api.anthropic.com'],
  asana: ['app.asana.com'],
  aws: ['sts.amazonaws.com'],
  buildkite: ['api.buildkite.com'],
  circleci: ['circleci.com'],
  cloudflare: ['api.cloudflare.com'],
  cohere: ['api.cohere.com'],
  contentful: ['api.contentful.com'],
  datadog: ['api.datadoghq.com', 'api.datadoghq.eu', 'api.us3.datadoghq.com', 'api.us5.datadoghq.com', 'api.ap1.datadoghq.com'],
  deepseek: ['api.deepseek.com'],
  digitalocean: ['api.digitalocean.com'],
  discord: ['discord.com'],
  doppler: ['api.doppler.com'],
  dropbox: ['api.dropboxapi.com'],
  figma: ['api.figma.com'],
  github: ['api.github.com'],
  gitlab: ['gitlab.com'],
  groq: ['api.groq.com'],
  heroku: ['api.heroku.com'],
  honeycomb: ['api.honeycomb.io', 'api.eu1.honeycomb.io'],
  hubspot: ['api.hubapi.com'],
  huggingface: ['huggingface.co'],
  intercom: ['api.intercom.io'],
  linear: ['api.linear.app'],
  linode: ['api.linode.com'],
  mailgun: ['api.mailgun.net', 'api.eu.mailgun.net'],
  mapbox: ['api.mapbox.com'],
  mistral: ['api.mistral.ai'],
  netlify: ['api.netlify.com'],
  notion: ['api.notion.com'],
  npm: ['registry.npmjs.org'],
  openai: ['api.openai.com'],
  pagerduty: ['api.pagerduty.com'],
  postman: ['api.getpostman.com'],
  postmark: ['api.postmarkapp.com'],
  pulumi: ['api.pulumi.com'],
  pypi: ['upload.pypi.org', 'test.pypi.org'],
  replicate: ['api.replicate.com'],
  sendgrid: ['api.sendgrid.com'],
  slack: ['slack.com', 'hooks.slack.com'],
  snyk: ['api.snyk.io', 'api.eu.snyk.io', 'api.au.snyk.io'],
  square: ['connect.squareup.com', 'connect.squareupsandbox.com'],
  stripe: ['api.stripe.com'],
  supabase: ['api.supabase.com'],
  tailscale: ['api.tailscale.com'],
  telegram: ['api.telegram.org'],
  'terraform-cloud': ['app.terraform.io'],
  tradier: ['api.tradier.com', 'sandbox.tradier.com'],
  twilio: ['api.twilio.com'],
  typeform: ['api.typeform.com'],
  'unusual-whales': ['api.unusualwhales.com'],
  vercel: ['api.vercel.com'],
  xai: ['api.x.ai'],
};

/**
 * Packs of rules that match by shape or by a variable name, not by a provider's own format: the
 * value could belong to anyone, so it is never sent anywhere.
 */
export const GENERIC_PROVIDERS: ReadonlySet<string> = new Set([
  'generic',
  'name-value',
  'bearer-token',
  'basic-auth',
  'credential-call',
  'default-credential',
  'database',
  'jwt',
  'private-key',
  'password-hash',
  'netrc',
  'mail-client',
  'odbc',
  'xml',
]);

/** Whether a secret of `providerId` may be sent to `hostname`. */
export function isAllowedHost(providerId: string, hostname: string): boolean {
  return !GENERIC_PROVIDERS.has(providerId) && (PROVIDER_HOSTS[providerId] ?? []).includes(hostname);
}
