/*
 * `npm start`: the launcher in production mode unless NODE_ENV says otherwise. It must be
 * set before React, React Router, tRPC and Express load (they read it once), so main.ts is
 * imported only after it. Production mode means React's production build, Express without
 * stack traces in error pages, and no development extras anywhere.
 */
process.env.NODE_ENV ??= 'production';
await import('./main.ts');
export {};
