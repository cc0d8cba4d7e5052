// The chat platforms the CLI starts. Adapters live at the edge: the core only
// knows the RuntimeFactory type, and this list is where they are plugged in.
import { runtimeFactories } from '../app.js';
import { createSlackRuntime } from '../adapters/slack/index.js';
import { createDiscordRuntime } from '../adapters/discord/index.js';

let installed = false;
export function installRuntimes(): void {
  if (installed) return;
  installed = true;
  runtimeFactories.push(createSlackRuntime, createDiscordRuntime);
}
