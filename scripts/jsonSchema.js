'use strict';
// Turns the zod schemas of lib/donation/donation.ts into JSON Schema (draft 2020-12), so that the
// documented schema is derived from the one the code and the tests use. It covers the zod kinds
// that schema uses and throws on any other, so a new kind cannot slip through unconverted.

function convert(schema) {
	const def = schema._def;
	const described = (json) => (def.description ? { description: def.description, ...json } : json);
	switch (def.typeName) {
		case 'ZodObject': {
			const shape = def.shape();
			const properties = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, convert(field)]));
			const json = { type: 'object', properties, required: Object.keys(shape) };
			if (def.unknownKeys === 'strict') json.additionalProperties = false;
			return described(json);
		}
		case 'ZodString': {
			const json = { type: 'string' };
			for (const check of def.checks) {
				if (check.kind === 'min') json.minLength = check.value;
				else if (check.kind === 'regex') json.pattern = check.regex.source;
				else throw new Error(`jsonSchema: string check "${check.kind}" is not converted`);
			}
			return described(json);
		}
		case 'ZodNumber':
			// a finite number is what JSON can carry anyway
			for (const check of def.checks) if (check.kind !== 'finite') throw new Error(`jsonSchema: number check "${check.kind}" is not converted`);
			return described({ type: 'number' });
		case 'ZodBoolean':
			return described({ type: 'boolean' });
		case 'ZodEnum':
			return described({ type: 'string', enum: [...def.values] });
		case 'ZodRecord':
			return described({ type: 'object', additionalProperties: convert(def.valueType) });
		case 'ZodNullable': {
			const inner = convert(def.innerType);
			const json = inner.type && !inner.enum ? { ...inner, type: [inner.type, 'null'] } : { anyOf: [inner, { type: 'null' }] };
			if (inner.enum) json.anyOf[0] = inner;
			return def.description ? { ...json, description: def.description } : json;
		}
		default:
			throw new Error(`jsonSchema: zod kind ${def.typeName} is not converted`);
	}
}

/** The JSON Schema document for `schema`, with its `$id` and title. */
function jsonSchemaOf(schema, { id, title }) {
	return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: id, title, ...convert(schema) };
}

module.exports = { jsonSchemaOf };
