/**
 * Helm renders every file under `templates/` with Go's text/template. Manifest text must come out of that
 * unchanged, so every `{{` (the only delimiter text/template looks for; a lone `}}` outside an action is
 * literal text) becomes an action that prints `{{`.
 */

/** The template action that renders as a literal `{{`. */
export const ESCAPED_OPEN = '{{"{{"}}';

/** `text` as a Helm template that renders back to exactly `text`. */
export function escapeTemplate(text: string): string {
  return text.includes('{{') ? text.split('{{').join(ESCAPED_OPEN) : text;
}

/**
 * Helm deletes every `<no value>` from rendered templates (its engine's marker for a missing value), so text
 * holding it cannot pass through a chart's `templates/` unchanged.
 */
export const HELM_NO_VALUE = '<no value>';

/** Whether Helm would alter `text` after rendering it (see HELM_NO_VALUE). */
export function helmRemovesText(text: string): boolean {
  return text.includes(HELM_NO_VALUE);
}
