// This build's settings, read once from Vite's import.meta.env.
import { readEnv } from './env.ts';

export const env = readEnv(import.meta.env);
