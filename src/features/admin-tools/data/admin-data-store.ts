/**
 * The Admin modal's server state: retention, audit, system metrics, the
 * pipeline report, running operations and alerts, each resolved once per
 * query and invalidated by the writes that change it.
 */

/**
 * Internal dependencies
 */
import { createQueryStore } from '../../../shared/data/create-query-store';
import {
	getAuditPage,
	getMetrics,
	getPipelineReport,
	getRetention,
	listOperations,
} from '../api/admin-tools-api';
import { getAlerts } from '../alerts/api/alerts-api';
import type { OperationState, AuditFilters } from '../types';

export interface MetricsQuery {
	stuckMinutes: number;
	/** Counted again now rather than the server's cached counts. */
	fresh: boolean;
}

export interface ReportQuery {
	/** ISO 8601 bounds. */
	after: string;
	before: string;
}

export const {
	store: adminDataStore,
	useQuery: useAdminData,
	useActions: useAdminDataActions,
} = createQueryStore( 'dm-jobs/admin-data', {
	retention: { fetch: getRetention, limit: 1 },
	audit: {
		fetch: ( filters: AuditFilters ) => getAuditPage( filters ),
	},
	systemMetrics: {
		fetch: ( query: MetricsQuery ) =>
			getMetrics( query.stuckMinutes, query.fresh ),
	},
	pipelineReport: {
		fetch: ( query: ReportQuery ) =>
			getPipelineReport( query.after, query.before ),
	},
	operations: {
		fetch: ( states: OperationState[] ) => listOperations( states ),
		limit: 2,
	},
	alerts: { fetch: getAlerts, limit: 1 },
} );

/** What a write to jobs (an operation, a retention run) makes out of date here. */
export const CHANGED_BY_JOB_WRITES = [
	'audit',
	'systemMetrics',
	'pipelineReport',
	'operations',
] as const;
