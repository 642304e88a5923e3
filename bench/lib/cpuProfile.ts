// V8 CPU profiles (from the extension host's inspector or the renderer's DevTools protocol), summed by function:
// self time and time with callees. A development aid for `node out/bench/profile.js`.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Self time per function. */
  hot: { fn: string; ms: number }[];
  /** Time with the function on the stack (callees included), per function. */
  inclusive: { fn: string; ms: number }[];
  totalMs: number;
}

/** The `top` functions by self time and by time with callees, named "function file:line:column". */
export function summarizeProfile(profile: CpuProfile, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: CpuProfileNode) => {
    const f = node.callFrame;
    return `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    if (!node) return;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + dt);
    // Each function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let n: CpuProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) seen.add(keyOf(n));
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  });
  const topOf = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }));
  return { hot: topOf(self), inclusive: topOf(inclusive), totalMs: total };
}
