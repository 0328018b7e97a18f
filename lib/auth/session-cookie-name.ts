/** The session cookie's name, in its own module so proxy.ts can read it without the session's Node dependencies. */
export const SESSION_COOKIE = 'hotline_session';
