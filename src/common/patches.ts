import { ApiObject, JsonPatch } from 'cdk8s';

/** How many of an ApiObject's JSON patches the library itself added. */
const libraryPatches = new WeakMap<ApiObject, number>();

/**
 * Adds a JSON patch the library owns, so `hasUserPatches` can tell it from an escape-hatch patch.
 */
export function addLibraryPatch(obj: ApiObject, patch: JsonPatch): void {
  obj.addJsonPatch(patch);
  libraryPatches.set(obj, (libraryPatches.get(obj) ?? 0) + 1);
}

/**
 * Whether anything but the library patched this object (`addJsonPatch` through an escape hatch). Without
 * such patches a synth-time check can read the construct's own model; with them, only the rendered JSON
 * (`toJson()`, which costs a full resolve) tells what is written. cdk8s keeps patches in a private array:
 * if that ever changes, this answers true and checks fall back to rendering.
 */
export function hasUserPatches(obj: ApiObject): boolean {
  const patches = (obj as unknown as { patches?: unknown }).patches;
  return !Array.isArray(patches) || patches.length > (libraryPatches.get(obj) ?? 0);
}
