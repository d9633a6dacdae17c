export const STORE_NAME = 'dm-jobs/notifications';

/** localStorage key remembering that the admin asked for browser notifications. */
export const BROWSER_OPT_IN_KEY = 'dm-jobs-browser-notifications';
