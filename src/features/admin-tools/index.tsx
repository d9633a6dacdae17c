/**
 * The Admin modal (issue 5): bulk actions on the table's selection, cleanup,
 * retention, maintenance, export and reports, and the audit trail.
 *
 * Use: render `<AdminTools />` once in the Jobs screen, and wrap the table's
 * columns with `useSelectionColumn( columns, jobs )` for the row checkboxes.
 */

import './style.scss';

export { AdminTools } from './components/admin-tools';
export { useSelectionColumn } from './hooks/use-selection-column';
export { store as adminToolsStore } from './store';
