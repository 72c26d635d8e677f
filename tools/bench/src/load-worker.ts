// Worker-thread entry of runLoad: drives the plan it was given and posts the outcome back.
import { parentPort, workerData } from 'node:worker_threads';
import { drive, type LoadPlan } from './load.ts';

parentPort?.postMessage(await drive(workerData as LoadPlan));
