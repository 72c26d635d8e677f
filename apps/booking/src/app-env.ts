// This build's settings, read once from Vite's import.meta.env.
import { readAppEnv } from '@carebook/ui';

export const env = readAppEnv(import.meta.env);
