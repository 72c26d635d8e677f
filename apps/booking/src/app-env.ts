// This build's settings, read once from Vite's import.meta.env.
import { readAppEnv } from '@carebook/shell';

export const env = readAppEnv(import.meta.env);
