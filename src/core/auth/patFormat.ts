/** Cheap format pre-check of a NetBird personal access token: `nbp_` + 36 characters. */
export function patFormatProblem(value: string): string | undefined {
  const token = value.trim();
  if (token === "") return undefined;
  if (!token.startsWith("nbp_")) return "NetBird personal access tokens start with nbp_ (create one under Team → Users or Service Users).";
  if (token.length !== 40) return `A NetBird personal access token has 40 characters; this one has ${token.length}.`;
  if (!/^nbp_[A-Za-z0-9]{36}$/.test(token)) return "The token contains characters a NetBird token never has (only letters and digits follow nbp_).";
  return undefined;
}
