// The GitHub Action's entry (action.yml runs the bundle of this file: action/index.mjs).
import { main } from './main.js';

await main();
