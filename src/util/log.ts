import type * as vscode from "vscode";
import type { ClientLogger } from "../core/api/client";
import { redactSecrets } from "../core/redact";

/**
 * The extension's log: VS Code's LogOutputChannel "NetBird" (level from "Developer: Set Log Level…"),
 * with every line passed through redaction first, so a token can never reach it.
 */
export class Log implements ClientLogger {
  constructor(readonly channel: vscode.LogOutputChannel) {}

  trace(message: string): void {
    this.channel.trace(redactSecrets(message));
  }
  debug(message: string): void {
    this.channel.debug(redactSecrets(message));
  }
  info(message: string): void {
    this.channel.info(redactSecrets(message));
  }
  warn(message: string): void {
    this.channel.warn(redactSecrets(message));
  }
  error(message: string): void {
    this.channel.error(redactSecrets(message));
  }
}
