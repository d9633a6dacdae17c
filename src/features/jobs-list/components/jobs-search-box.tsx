/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { SearchControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useDebouncedCallback } from '../../../shared/hooks/use-debounced-callback';
import { store } from '../store';
import { MAX_SEARCH_LENGTH } from '../url/view-url';

/** Quiet time after typing before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 400;

export interface JobsSearchBoxProps {
	/** A short note under the box, e.g. which job was found. */
	note?: string;
}

/**
 * The search box: a job ID, or text found in pipeline names, flow names and
 * status reasons. Searches the list's view in the store once typing pauses;
 * Enter searches at once (and opens the job a job ID names).
 *
 * @param props      Component props.
 * @param props.note A short note under the box.
 */
export function JobsSearchBox( { note = '' }: JobsSearchBoxProps ) {
	const value = useSelect(
		( select ) => select( store ).getQuery().search,
		[]
	);
	const { searchJobs } = useDispatch( store );
	const onSearch = ( term: string ) => void searchJobs( term );
	const onSubmit = ( term: string ) =>
		void searchJobs( term, { open: true } );
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
