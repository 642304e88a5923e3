// The bench's activation reference: what any extension pays to be loaded and activated here (its module, the
// `vscode` API object VS Code makes for it, one registered command). Not part of the product.
const vscode = require("vscode");

exports.activate = function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand("netbirdBench.reference.activate", () => undefined));
};
