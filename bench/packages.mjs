// Which package a module file belongs to, and which of slakit's runtime dependencies brought it in: shared by
// bench/imports.mjs and bench/bundle.mjs.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/** slakit's runtime dependencies, in package.json order. */
export const DEPENDENCIES = Object.keys(pkg.dependencies ?? {});

/** The package of a path or URL inside node_modules ("@scope/name" or "name"), "slakit" for dist/, else null. */
export function packageOf(path) {
  const p = path.replace(/^file:\/\//, "").replaceAll("\\", "/");
  const k = p.lastIndexOf("node_modules/");
  if (k === -1) return p.includes("/dist/") || p.startsWith("dist/") ? "slakit" : null;
  const [a, b] = p.slice(k + "node_modules/".length).split("/");
  return a.startsWith("@") ? `${a}/${b}` : a;
}

/** Every package installed for a runtime dependency → that dependency (walking the dependencies' package.json). */
export function dependencyRoots() {
  const owner = new Map();
  for (const dep of DEPENDENCIES) {
    const stack = [dep];
    while (stack.length) {
      const name = stack.pop();
      if (owner.has(name)) continue;
      owner.set(name, dep);
      try {
        const meta = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8"));
        stack.push(...Object.keys(meta.dependencies ?? {}));
      } catch {
        // not installed at the top level: counted under its own name
      }
    }
  }
  return owner;
}
