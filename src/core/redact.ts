/**
 * Removes secrets from text before it reaches a log or a message: NetBird personal access tokens
 * (`nbp_` + 36 characters), `Token …`/`Bearer …` authorization values, and credentials in URLs.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/nbp_[A-Za-z0-9]{20,}/g, "nbp_****")
    .replace(/\b(Token|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 ****")
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(:[^/\s@]*)?@/gi, "$1****@");
}
