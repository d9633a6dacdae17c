/**
 * External dependencies
 */
import type { ReactNode } from 'react';

export interface AdminToolProps {
	/** ID of the heading, which names the section. */
	id: string;
	title: string;
	/** What the tool does, as a paragraph under its heading. */
	description?: ReactNode;
	children: ReactNode;
}

/**
 * One tool of an admin tools section: a section named by its heading, with
 * what it does and its controls.
 *
 * @param props             Component props.
 * @param props.id          ID of the heading.
 * @param props.title       Heading.
 * @param props.description What the tool does.
 * @param props.children    The tool's controls.
 */
export function AdminTool( {
	id,
	title,
	description,
	children,
}: AdminToolProps ) {
	return (
		<section className="dm-jobs-admin-tool" aria-labelledby={ id }>
			<h3 id={ id }>{ title }</h3>
			{ description && <p>{ description }</p> }
			{ children }
		</section>
	);
}
