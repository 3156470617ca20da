/** One request as it goes on the wire (the URL's host is the provider's, even when redirected). */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
}

/** What came back: the status and at most 64 KiB of the body, parsed when it is JSON. */
export interface HttpResponse {
  status: number;
  body: string;
  json?: unknown;
}

/** Sends one request; rejects on network errors and timeouts (the verifier turns those into `unknown`). */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
