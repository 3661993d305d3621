/**
 * Walks an OpenAPI 3.0 document and lists what a reader (or a fuzzer) would miss: an operation without
 * summary or description, a parameter, response or schema property without a description. Pure; the
 * test loads the document from the real app.
 */
export type Schema = {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Content = Record<string, { schema?: Schema }>;
export type Operation = {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; description?: string }[];
  requestBody?: { content?: Content };
  responses: Record<string, { description?: string; content?: Content }>;
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/** Every operation of the document, named `METHOD /path`. */
export function operationsOf(
  document: OpenApiDocument,
): { name: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      operation,
    })),
  );
}

const COMPONENT = '#/components/schemas/';

/** Dotted paths of the properties under `schema` (components followed once each) that carry no description. */
function undescribedProperties(
  document: OpenApiDocument,
  schema: Schema | undefined,
  at: string,
  seen: Set<string>,
): string[] {
  if (schema === undefined) return [];
  if (schema.$ref !== undefined) {
    const id = schema.$ref.slice(COMPONENT.length);
    if (seen.has(id)) return [];
    seen.add(id);
    return undescribedProperties(document, document.components?.schemas?.[id], `${id}`, seen);
  }
  const described = (child: Schema) =>
    child.description !== undefined ||
    (child.$ref !== undefined &&
      document.components?.schemas?.[child.$ref.slice(COMPONENT.length)]?.description !== undefined);
  const gaps = Object.entries(schema.properties ?? {}).flatMap(([name, child]) => [
    ...(described(child) ? [] : [`${at}.${name}`]),
    ...undescribedProperties(document, child, `${at}.${name}`, seen),
  ]);
  const inner = [
    schema.items,
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined,
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return [...gaps, ...inner.flatMap((child) => undescribedProperties(document, child, `${at}[]`, seen))];
}

/** What an operation lacks for a reader: its summary, description, and every description below it. */
export function describeGapsOf(document: OpenApiDocument, operation: Operation): string[] {
  const gaps: string[] = [];
  if (!operation.summary) gaps.push('summary');
  if (!operation.description) gaps.push('description');
  for (const parameter of operation.parameters ?? [])
    if (!parameter.description) gaps.push(`${parameter.in} parameter ${parameter.name}`);
  for (const [type, { schema }] of Object.entries(operation.requestBody?.content ?? {}))
    gaps.push(...undescribedProperties(document, schema, `request ${type}`, new Set()));
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response.description || response.description === 'Default Response')
      gaps.push(`response ${status} description`);
    for (const [type, { schema }] of Object.entries(response.content ?? {}))
      gaps.push(...undescribedProperties(document, schema, `response ${status} ${type}`, new Set()));
  }
  return gaps;
}
