/**
 * The Admin modal: bulk actions on the table's selection, cleanup, retention,
 * maintenance, export and reports, and the audit trail.
 *
 * Use: render `<AdminTools />` once inside a `<JobsContextProvider>` that
 * describes the jobs list, and put `useSelectionColumn( columns, jobs )` in
 * front of the table's columns for the row checkboxes.
 */

import './style.scss';

export { AdminTools } from './components/admin-tools';
export { useSelectionColumn } from './hooks/use-selection-column';
export { JobsContextProvider } from './hooks/use-jobs-context';
export type { JobsContext } from './hooks/use-jobs-context';
export { store as adminToolsStore } from './store';
