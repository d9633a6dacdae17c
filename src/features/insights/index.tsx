/**
 * The insights view: a tab next to the jobs list. Only this small
 * file is in the Jobs screen's first bundle; the view and recharts load with
 * `import()` when the tab is first opened.
 *
 * Use: wrap the jobs list, `<InsightsTabs>…</InsightsTabs>`.
 */

/**
 * External dependencies
 */
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Suspense, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Spinner } from '../../shared/components/spinner';
import { lazyWithDeferred } from '../../shared/deferred/lazy-with-deferred';
import { useInsightsView } from './hooks/use-insights-view';
import type { JobsScreenView } from './hooks/use-insights-view';
import './style.scss';

const InsightsView = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "insights" */ './components/insights-view'
	).then( ( module ) => module.InsightsView )
);

const TABS: Array< { view: JobsScreenView; label: () => string } > = [
	{ view: 'list', label: () => __( 'Jobs list', 'dm-jobs' ) },
	{ view: 'insights', label: () => __( 'Insights', 'dm-jobs' ) },
];

export interface InsightsTabsProps {
	/** The jobs list. */
	children: ReactNode;
}

export function InsightsTabs( { children }: InsightsTabsProps ) {
	const [ view, setView ] = useInsightsView();
	const tabs = useRef< Array< HTMLButtonElement | null > >( [] );

	const onKeyDown = ( event: KeyboardEvent< HTMLButtonElement > ) => {
		const current = TABS.findIndex( ( tab ) => tab.view === view );
		let next = current;
		if ( event.key === 'ArrowRight' ) {
			next = ( current + 1 ) % TABS.length;
		} else if ( event.key === 'ArrowLeft' ) {
			next = ( current - 1 + TABS.length ) % TABS.length;
		} else if ( event.key === 'Home' ) {
			next = 0;
		} else if ( event.key === 'End' ) {
			next = TABS.length - 1;
		} else {
			return;
		}
		event.preventDefault();
		setView( TABS[ next ].view );
		tabs.current[ next ]?.focus();
	};

	return (
		<>
			<div
				className="dm-jobs-view-tabs"
				role="tablist"
				aria-label={ __( 'Jobs views', 'dm-jobs' ) }
			>
				{ TABS.map( ( tab, index ) => (
					<button
						key={ tab.view }
						ref={ ( element ) => {
							tabs.current[ index ] = element;
						} }
						type="button"
						role="tab"
						id={ `dm-jobs-tab-${ tab.view }` }
						className="dm-jobs-view-tabs__tab"
						aria-selected={ view === tab.view }
						aria-controls={ `dm-jobs-panel-${ tab.view }` }
						tabIndex={ view === tab.view ? 0 : -1 }
						onClick={ () => setView( tab.view ) }
						onKeyDown={ onKeyDown }
					>
						{ tab.label() }
					</button>
				) ) }
			</div>
			<div
				role="tabpanel"
				id={ `dm-jobs-panel-${ view }` }
				aria-labelledby={ `dm-jobs-tab-${ view }` }
				className="dm-jobs-view-panel"
			>
				{ view === 'list' ? (
					children
				) : (
					<Suspense
						fallback={
							<div className="dm-jobs-loading" role="status">
								<Spinner />
								<span>
									{ __( 'Loading insights…', 'dm-jobs' ) }
								</span>
							</div>
						}
					>
						<InsightsView />
					</Suspense>
				) }
			</div>
		</>
	);
}
