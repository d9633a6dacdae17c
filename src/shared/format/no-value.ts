/** What a formatter shows for a value that is unknown or cannot be read. */
export const NO_VALUE = '—';
