/**
 * The node's side of the swarm, on every node: the {@link shoal.agent.Agent}'s session with the
 * leader's dispatcher (registration, heartbeats, managers, role), and what the node runs.
 *
 * <p><b>Tasks.</b> The dispatcher sends the node's assignments on the session: the full set when
 * a session opens, then changes. The {@link shoal.agent.Executor} runs each task with a {@link
 * shoal.agent.TaskRunner} over the {@link shoal.agent.TaskRuntime} (the local containers, see
 * {@link shoal.agent.ContainerTaskRuntime}): container {@code <service>.<slot>.<task ID>} (global:
 * {@code <service>.<node ID>.<task ID>}) with Docker's swarm labels ({@link
 * shoal.agent.SwarmLabels}), states accepted → preparing → ready → starting → running →
 * complete, failed, shutdown or rejected, each reported with its time and error through the
 * {@link shoal.agent.StatusOutbox} (latest per task; all of them again on a new session).
 *
 * <p><b>Reconciliation.</b> The node keeps no task state of its own: after a reconnect or a
 * daemon restart (kill -9 included) the full set is matched with the containers that carry task
 * labels. A named task's container is taken over (a running one is reported running again and
 * never started twice); containers of tasks the set does not name are stopped and removed. A
 * task the manager wants shut down (e.g. replaced elsewhere while this node was Down) is stopped
 * and reported shutdown; its container stays, as Docker keeps it, until the task is deleted.
 *
 * <p><b>Logs.</b> Workers run no server: the manager asks for task logs over the session, and the
 * {@link shoal.agent.LogPublisher} answers on a {@code PublishLogs} call of its own.
 *
 * <p><b>Overlay networks.</b> The session also carries the swarm networks the node's tasks and
 * standalone containers need and, per network, the other nodes' endpoints on it; the agent hands
 * them, in order, to the node's {@link shoal.agent.OverlayPlane}. A standalone container asks a
 * manager for its address on an attachable network through the {@link
 * shoal.agent.ManagerAttacher}.
 */
package shoal.agent;
