/**
 * The page's actions beside its title, where WordPress puts them ("Posts",
 * then "Add New Post"): the title row renders `<PageActionsSlot />`, and a
 * feature anywhere below puts its buttons there with `<PageActions>`.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	createContext,
	createPortal,
	useContext,
	useMemo,
	useState,
} from '@wordpress/element';

interface PageActionsContextValue {
	slot: HTMLElement | null;
	setSlot: ( element: HTMLElement | null ) => void;
}

const PageActionsContext = createContext< PageActionsContextValue >( {
	slot: null,
	setSlot: () => undefined,
} );

/**
 * Holds the slot for the page's actions.
 *
 * @param props          Component props.
 * @param props.children The page.
 */
export function PageActionsProvider( { children }: { children: ReactNode } ) {
	const [ slot, setSlot ] = useState< HTMLElement | null >( null );
	const value = useMemo( () => ( { slot, setSlot } ), [ slot ] );
	return (
		<PageActionsContext.Provider value={ value }>
			{ children }
		</PageActionsContext.Provider>
	);
}

/**
 * Where the page's actions appear (beside the title).
 */
export function PageActionsSlot() {
	const { setSlot } = useContext( PageActionsContext );
	return <div className="dm-jobs-page-actions" ref={ setSlot } />;
}

/**
 * Shows its children in the page's actions slot (nothing without one).
 *
 * @param props          Component props.
 * @param props.children The actions.
 */
export function PageActions( { children }: { children: ReactNode } ) {
	const { slot } = useContext( PageActionsContext );
	return slot === null ? null : createPortal( children, slot );
}
