/**
 * Parse options for YAML as Kubernetes and Helm read it (go-yaml v2, YAML 1.1): the `yaml` package's 1.1
 * schema with one fix. Its exponent float takes `e8` or `E5` (no digit before the exponent) for a number,
 * where go-yaml reads a string.
 */
import { DocumentOptions, ParseOptions, ScalarTag, SchemaOptions } from 'yaml';

const GO_YAML_EXPONENT_FLOAT = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$/;

export const KUBERNETES_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: tags => tags.map(t => (typeof t === 'object' && t.tag === 'tag:yaml.org,2002:float' && t.format === 'EXP'
    ? { ...t as ScalarTag, test: GO_YAML_EXPONENT_FLOAT }
    : t)),
};
