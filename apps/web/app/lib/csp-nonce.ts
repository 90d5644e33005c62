import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of this response: the server renders it into the
 * inline scripts React Router writes for hydration. The browser hides nonces from the DOM,
 * so on the client it is undefined and nothing compares it.
 */
export const CspNonce = createContext<string | undefined>(undefined);

export const useCspNonce = () => useContext(CspNonce);
