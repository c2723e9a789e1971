/** The gateway refuses to start: the message names the plugin(s) and what is wrong. */
export class PluginHostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginHostError';
  }
}
