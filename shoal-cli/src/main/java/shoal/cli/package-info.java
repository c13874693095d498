/**
 * The {@code shoal} command: docker's commands, flags, tables and exit codes, over the Engine API.
 *
 * <p>Layout: {@link shoal.cli.Main} parses the global flags ({@code -H}, {@code -D}) and runs one
 * command from {@link shoal.cli.CommandRegistry}; commands live in {@code shoal.cli.commands.*}, one
 * class per command, groups built in the registry. {@code shoal.cli.api} is the HTTP/1.1 client
 * (unix and TCP sockets, chunked bodies, streams, the hijacked attach/exec connection, version
 * negotiation); {@code shoal.cli.format} is output: Go's text/template
 * ({@code shoal.cli.format.template}), Go's tabwriter, docker's sizes, ages, IDs and ports;
 * {@code shoal.cli.opts} parses flag values ({@code -p}, {@code -e}, {@code --restart}).
 *
 * <p>Adding a command group (swarm, node, service, lab): write its command classes (an
 * {@link shoal.cli.commands.ApiCommand} each, or any picocli command), add one {@code Entry} to
 * {@link shoal.cli.CommandRegistry}; nothing else changes. For a table, give the rows a
 * {@link shoal.cli.format.template.TemplateObject} and print with
 * {@link shoal.cli.commands.Output#print}; for a daemon's JSON progress stream use
 * {@link shoal.cli.format.JsonMessages}.
 *
 * <p>The CLI never links daemon code; its integration tests start a daemon from the test
 * classpath only.
 */
package shoal.cli;
