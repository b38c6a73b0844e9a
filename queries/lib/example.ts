import type { QueryDefinition } from './define.js';

/** An example request for the catalog and the docs: the first two parameters with their example values. */
export function exampleUrl(base: string, definition: QueryDefinition): string {
  const params = new URLSearchParams(
    Object.entries(definition.params)
      .slice(0, 2)
      .map(([name, spec]): [string, string] => [name, spec.example]),
  );
  return `${base}/${definition.name}?${params.toString()}`;
}
