/** How the history line of an extension granted by policy begins (notifications key on it). */
export const GRANTED_BY_POLICY = 'Granted by policy';
