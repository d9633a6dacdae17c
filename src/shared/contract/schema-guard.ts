/**
 * Checks a value against the subset of JSON Schema the REST routes declare
 * (type, enum, items, properties, required, additionalProperties, anyOf,
 * oneOf, allOf, bounds, lengths, pattern). The generated contract makes one guard per
 * schema.
 */

export interface JsonSchema {
	readonly type?: string | readonly string[];
	readonly enum?: readonly unknown[];
	readonly items?: JsonSchema;
	readonly properties?: Readonly< Record< string, JsonSchema > >;
	readonly required?: readonly string[];
	readonly additionalProperties?: JsonSchema | boolean;
	readonly anyOf?: readonly JsonSchema[];
	readonly oneOf?: readonly JsonSchema[];
	readonly allOf?: readonly JsonSchema[];
	readonly minimum?: number;
	readonly maximum?: number;
	readonly minLength?: number;
	readonly maxLength?: number;
	readonly minItems?: number;
	readonly maxItems?: number;
	readonly pattern?: string;
}

export function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function hasType( type: string, value: unknown ): boolean {
	switch ( type ) {
		case 'null':
			return value === null;
		case 'boolean':
			return typeof value === 'boolean';
		case 'integer':
			return Number.isInteger( value );
		case 'number':
			return typeof value === 'number' && Number.isFinite( value );
		case 'string':
			return typeof value === 'string';
		case 'array':
			return Array.isArray( value );
		case 'object':
			return isRecord( value );
		default:
			return true;
	}
}

function withinBounds( schema: JsonSchema, value: unknown ): boolean {
	if ( typeof value === 'number' ) {
		return (
			( schema.minimum === undefined || value >= schema.minimum ) &&
			( schema.maximum === undefined || value <= schema.maximum )
		);
	}
	if ( typeof value === 'string' ) {
		return (
			( schema.minLength === undefined ||
				value.length >= schema.minLength ) &&
			( schema.maxLength === undefined ||
				value.length <= schema.maxLength ) &&
			( schema.pattern === undefined ||
				new RegExp( schema.pattern ).test( value ) )
		);
	}
	if ( Array.isArray( value ) ) {
		return (
			( schema.minItems === undefined ||
				value.length >= schema.minItems ) &&
			( schema.maxItems === undefined || value.length <= schema.maxItems )
		);
	}
	return true;
}

/**
 * Whether `value` matches `schema`.
 *
 * @param schema The schema.
 * @param value  The value, as decoded from JSON.
 */
export function matchesSchema( schema: JsonSchema, value: unknown ): boolean {
	if (
		schema.anyOf !== undefined &&
		! schema.anyOf.some( ( member ) => matchesSchema( member, value ) )
	) {
		return false;
	}
	if (
		schema.oneOf !== undefined &&
		schema.oneOf.filter( ( member ) => matchesSchema( member, value ) )
			.length !== 1
	) {
		return false;
	}
	if (
		schema.allOf !== undefined &&
		! schema.allOf.every( ( member ) => matchesSchema( member, value ) )
	) {
		return false;
	}
	if ( schema.type !== undefined ) {
		const types =
			typeof schema.type === 'string' ? [ schema.type ] : schema.type;
		if ( ! types.some( ( type ) => hasType( type, value ) ) ) {
			return false;
		}
	}
	if (
		schema.enum !== undefined &&
		value !== null &&
		! schema.enum.includes( value )
	) {
		return false;
	}
	if ( ! withinBounds( schema, value ) ) {
		return false;
	}
	if ( Array.isArray( value ) && schema.items !== undefined ) {
		const items = schema.items;
		return value.every( ( item ) => matchesSchema( items, item ) );
	}
	if ( isRecord( value ) ) {
		for ( const name of schema.required ?? [] ) {
			if ( ! ( name in value ) ) {
				return false;
			}
		}
		const properties = schema.properties ?? {};
		for ( const [ name, item ] of Object.entries( value ) ) {
			const known = properties[ name ];
			if ( known !== undefined ) {
				if ( ! matchesSchema( known, item ) ) {
					return false;
				}
			} else if (
				typeof schema.additionalProperties === 'object' &&
				! matchesSchema( schema.additionalProperties, item )
			) {
				return false;
			}
		}
	}
	return true;
}

/**
 * A type guard for the type generated from `schema`.
 *
 * @param schema The schema.
 */
export function schemaGuard< T >(
	schema: JsonSchema
): ( value: unknown ) => value is T {
	return ( value: unknown ): value is T => matchesSchema( schema, value );
}

/**
 * The schema of an object with only its required properties.
 *
 * @param schema An object schema.
 */
export function alwaysPresentPart( schema: JsonSchema ): JsonSchema {
	const required = schema.required ?? [];
	return {
		...schema,
		properties: Object.fromEntries(
			Object.entries( schema.properties ?? {} ).filter( ( [ name ] ) =>
				required.includes( name )
			)
		),
	};
}
