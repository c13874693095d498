/**
 * The swarm's replicated store: every cluster object (cluster, nodes, services, tasks, networks,
 * standalone containers' network attachments), held in memory on every manager and kept the
 * same on all of them by Raft (Apache Ratis). Objects are the records of {@code
 * shoal.manager.store.objects}; each carries a {@code Meta} whose version is the Raft log index of
 * its last change.
 *
 * <h2>A worked update: `docker node update --availability drain NODE` at version 42</h2>
 *
 * <pre>{@code
 * store.update(tx -> {
 *   NodeObject node = tx.nodes().get(nodeId);            // NotFoundException: "node … not found"
 *   if (node.meta().version() != 42) {                   // the Engine API's ?version=42
 *     throw new VersionConflictException(Kind.NODE, nodeId, 42, node.meta().version());
 *   }
 *   tx.nodes().update(node.withSpec(node.spec().withAvailability(Availability.DRAIN)));
 *   return null;
 * });
 * }</pre>
 *
 * <ol>
 *   <li>{@code update} first makes this manager's state current (a linearizable read: it waits
 *       until it applied the leader's commit index), then runs the function under the state's
 *       read lock. {@code tx.nodes().update(…)} checks the write at once: the node must exist and
 *       the object must carry the version it was read at.
 *   <li>The staged writes become one {@code Batch}, sent as one Raft entry through the Ratis
 *       client (to the leader, wherever it is; across a failover the client retries).
 *   <li>Every manager applies the entry in log order ({@code StoreStateMachine.applyTransaction}):
 *       all writes or none, compare-and-set on versions, the new version is the entry's index, the
 *       times come from the entry. A clash is answered as a value; watchers get the events and a
 *       commit marker.
 *   <li>{@code update} returns once this manager applied the entry, so a read here sees the
 *       write. On a version clash (someone wrote the node in between) it runs the function again
 *       on the fresh state; here the function then throws the conflict for the user to see.
 * </ol>
 *
 * <h2>Loops on the leader</h2>
 *
 * <pre>{@code
 * store.addListener(new StoreListener() {
 *   public void leadershipChanged(Leadership l) { if (l.self()) startLoops(); else stopLoops(); }
 * });
 * var start = store.viewAndWatch(tx -> tx.nodes().list(), StoreEvent.ofKind(Kind.NODE));
 * try (Watch watch = start.watch()) {
 *   while (running) { StoreEvent e = watch.take(); … }   // Created/Updated/Deleted…, Commit
 * }
 * }</pre>
 *
 * <h2>Managers</h2>
 *
 * {@code Store.bootstrap} (swarm init) makes a group of one; a joining manager starts with {@code
 * Store.join} and an existing manager calls {@code addManager(id, addr)}; {@code removeManager}
 * demotes; {@code Store.open} restarts from disk. Timings: {@link shoal.manager.store.RaftTimings}.
 */
package shoal.manager.store;
