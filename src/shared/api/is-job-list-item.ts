/**
 * Internal dependencies
 */
import { JOB_SCHEMA } from '../../generated/rest-contract';
import { alwaysPresentPart, schemaGuard } from '../contract/schema-guard';
import type { JobListItem } from '../types';

/**
 * Whether a value has the fields every job answer has, as the schema types
 * them; the single-job fields are left to their own checks.
 */
export const isJobListItem = schemaGuard< JobListItem >(
	alwaysPresentPart( JOB_SCHEMA )
);
