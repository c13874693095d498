/**
 * Containers on one host: create, start, stop, exits, restart policies, recovery after a daemon
 * restart.
 *
 * <p><b>Supervision.</b> Each run of a container is {@code runc run} in the foreground, started by
 * a small {@code /bin/sh} {@link shoal.runtime.container.Wrapper} in a session of its own, whose
 * parent is the host's init, not the daemon. runc stays the container's parent and exits with its
 * status, which the wrapper writes to {@code <exec-root>/containers/<id>/exit}. Nothing of a
 * container's run is a child of the daemon, so {@code kill -9} of the daemon leaves it running.
 *
 * <p><b>Output.</b> Without a terminal, runc's stdout and stderr are FIFOs that the wrapper itself
 * holds open read-write: the container never sees EOF or SIGPIPE while no daemon reads, its
 * output waits in the pipe (1 MiB, F_SETPIPE_SZ; a container that writes more while the daemon is
 * away blocks, nothing is lost). Once runc exited, the wrapper waits on the {@code ack} FIFO until a
 * daemon opens it, and only then lets go of the pipes, so output written just before an exit that
 * happened during the daemon's absence is still read after the restart. The daemon copies the
 * output into the json-file log and to attached clients.
 *
 * <p><b>Terminals ({@code -t}).</b> runc's foreground terminal handling needs a terminal as its
 * stdio, so the daemon allocates a pty: the slave is runc's stdio, the master is held both by the
 * daemon and by the wrapper (fd 3). After a daemon crash the container keeps running; what it
 * prints waits in the terminal's buffers (a few KiB, then the container blocks on write, nothing
 * is lost), and the restarted daemon takes the master back from the wrapper with
 * {@code pidfd_getfd}, so logs, attach and resize work again. Only the clients attached at the time
 * of the crash are disconnected.
 *
 * <p><b>Stdin.</b> With {@code -i} and StdinOnce ({@code docker run -i}) the daemon is the only
 * writer of the stdin FIFO, so the end of the client's stdin is the container's EOF; a daemon crash
 * ends it too. Without StdinOnce ({@code -di}) the wrapper also holds the FIFO, which stays open.
 *
 * <p><b>Exec.</b> {@code runc exec} runs as a child of the daemon and does not outlive it.
 */
package shoal.runtime.container;
