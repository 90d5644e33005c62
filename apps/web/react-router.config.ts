import type { Config } from '@react-router/dev/config';

/*
 * TALLY_BUILD_DIR lets the browser tests build into a folder of their own, so a test run
 * beside a running `npm start` never replaces the scripts that server is serving.
 */
export default {
  appDirectory: 'app',
  ssr: true,
  buildDirectory: process.env.TALLY_BUILD_DIR ?? 'build',
} satisfies Config;
