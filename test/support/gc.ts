import * as v8 from "node:v8";
import * as vm from "node:vm";

let gc: (() => void) | undefined;
/** A full garbage collection, in any Node (the extension host and the runners run without --expose-gc; V8 lets us turn it on). */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}
