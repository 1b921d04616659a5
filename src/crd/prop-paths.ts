/**
 * Maps a JSON path in the rendered CustomResourceDefinition to the CustomResourceDefinition prop that wrote it
 * (`spec.versions[0].schema.openAPIV3Schema.properties.spec.type` → `versions[0].schema.properties.spec.type`),
 * or undefined when no prop did (the JSON path is then reported).
 */
export function crdPropOf(jsonPath: string): string | undefined {
  const rules: Array<[RegExp, string]> = [
    [/^spec\.versions\[(\d+)\]\.schema\.openAPIV3Schema/, 'versions[$1].schema'],
    [/^spec\.versions\[(\d+)\]\.subresources\.scale/, 'versions[$1].scale'],
    [/^spec\.versions\[(\d+)\]\.subresources\.status/, 'versions[$1].statusSubresource'],
    [/^spec\.versions\[(\d+)\]\.additionalPrinterColumns/, 'versions[$1].printerColumns'],
    [/^spec\.versions/, 'versions'],
    [/^spec\.names\./, ''],
    [/^spec\.(group|scope)/, '$1'],
    // the construct always names the CRD <plural>.<group>: a name the API server refuses is a group too long
    [/^metadata\.name$/, 'group'],
    [/^metadata\./, 'metadata.'],
  ];
  for (const [re, to] of rules) {
    // schema keywords read as they are written: `.x-kubernetes-validations[0]`, not `["x-kubernetes-validations"][0]`
    if (re.test(jsonPath)) return jsonPath.replace(re, to).replace(/\["(x-kubernetes-[a-z-]+)"\]/g, '.$1');
  }
  return undefined;
}
