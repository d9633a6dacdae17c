/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { SearchControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useDebouncedCallback } from '../../../shared/hooks/use-debounced-callback';
import { MAX_SEARCH_LENGTH } from '../url/view-url';

/** Quiet time after typing before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 400;

export interface JobsSearchBoxProps {
	/** The search the list shows. */
	value: string;
	/** Searches (debounced while typing). */
	onSearch: ( term: string ) => void;
	/** Enter: searches at once (a job ID also opens that job). */
	onSubmit: ( term: string ) => void;
	/** A short note under the box, e.g. which job was found. */
	note?: string;
}

/**
 * The search box: a job ID, or text found in pipeline names, flow names and
 * status reasons.
 *
 * @param props Component props.
 */
export function JobsSearchBox( props: JobsSearchBoxProps ) {
	const { value, onSearch, onSubmit, note = '' } = props;
	const [ text, setText ] = useState( value );
	const search = useDebouncedCallback( ( term: string ) => {
		const trimmed = term.trim().slice( 0, MAX_SEARCH_LENGTH );
		if ( trimmed !== value.trim() ) {
			onSearch( trimmed );
		}
	}, SEARCH_DEBOUNCE_MS );

	// The view changed elsewhere (Back, "Clear filters"): show its search.
	const { cancel } = search;
	useEffect( () => {
		cancel();
		setText( value );
	}, [ value, cancel ] );

	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		search.cancel();
		onSubmit( text.trim().slice( 0, MAX_SEARCH_LENGTH ) );
	};

	return (
		<form className="dm-jobs-search" role="search" onSubmit={ submit }>
			<SearchControl
				__nextHasNoMarginBottom
				label={ __( 'Search jobs', 'dm-jobs' ) }
				placeholder={ __(
					'Job ID, pipeline, flow or reason',
					'dm-jobs'
				) }
				value={ text }
				onChange={ ( next ) => {
					setText( next );
					search( next );
				} }
			/>
			<p className="dm-jobs-search__note" aria-live="polite">
				{ note }
			</p>
		</form>
	);
}
