/** A JSON document as stored in `jsonb` columns (audit payloads, import summaries). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
