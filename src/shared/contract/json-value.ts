/**
 * What a decoded JSON answer can hold where a schema says no more than
 * "object", "array" or nothing (decoded engine_data, log contexts, error
 * details). The generated contract uses these types for such parts.
 */

export type JsonValue =
	| string
	| number
	| boolean
	| null
	| JsonValue[]
	| { [ key: string ]: JsonValue };

export type JsonObject = { [ key: string ]: JsonValue };
