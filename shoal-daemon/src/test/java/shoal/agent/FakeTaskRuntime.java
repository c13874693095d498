package shoal.agent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import shoal.errors.ConflictException;
import shoal.errors.NotFoundException;
import shoal.runtime.logs.JsonLogFile;
import shoal.runtime.logs.LogEntry;
import shoal.runtime.logs.LogQuery;

/** Containers in memory, for tests of the executor: records what was asked of it. */
public final class FakeTaskRuntime implements TaskRuntime {
  /** A container: its task, name, labels and where it stands. */
  public static final class Box {
    public final String id;
    public final String taskId;
    public final String name;
    public final Map<String, String> labels;
    public final Assignment task;
    volatile State state = State.CREATED;
    volatile int exitCode;
    volatile CompletableFuture<Integer> exit = new CompletableFuture<>();
    final List<String> lines = new CopyOnWriteArrayList<>();

    Box(String id, Assignment task, Map<String, String> labels) {
      this.id = id;
      this.taskId = labels.get(SwarmLabels.TASK_ID);
      this.name = task == null ? "" : task.containerName();
      this.labels = labels;
      this.task = task;
    }

    public State state() {
      return state;
    }
  }

  /** What was done, in order: "create web.1.x", "start id", "stop id 10s", "remove id". */
  public final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final Set<String> images = new HashSet<>(Set.of("busybox"));

  public synchronized Box byTask(String taskId) {
    return boxes.values().stream().filter(b -> taskId.equals(b.taskId)).findFirst().orElse(null);
  }

  public synchronized List<Box> boxes() {
    return new ArrayList<>(boxes.values());
  }

  /** A container left from before (a daemon restart), in the given state. */
  public synchronized Box leftOver(String taskId, State state, int exitCode) {
    Box b = new Box(UUID.randomUUID().toString().replace("-", ""), null, Map.of(SwarmLabels.TASK_ID, taskId));
    b.state = state;
    b.exitCode = exitCode;
    if (state == State.EXITED) {
      b.exit.complete(exitCode);
    }
    boxes.put(b.id, b);
    return b;
  }

  /** The container's process exits with {@code code}. */
  public void exit(Box b, int code) {
    b.exitCode = code;
    b.state = State.EXITED;
    b.exit.complete(code);
  }

  public void log(Box b, String line) {
    b.lines.add(line);
  }

  @Override
  public synchronized List<TaskContainer> taskContainers() {
    return boxes.values().stream().map(b -> new TaskContainer(b.id, b.taskId, b.state, b.exitCode, b.state == State.RUNNING ? 42 : 0)).toList();
  }

  @Override
  public synchronized String create(Assignment task) {
    calls.add("create " + task.containerName());
    String image = task.spec().image();
    if (!images.contains(image)) {
      throw new NotFoundException("No such image: " + image);
    }
    if (boxes.values().stream().anyMatch(b -> b.name.equals(task.containerName()))) {
      throw new ConflictException("name in use: " + task.containerName());
    }
    Box b = new Box(UUID.randomUUID().toString().replace("-", ""), task, SwarmLabels.of(task));
    boxes.put(b.id, b);
    return b.id;
  }

  @Override
  public long start(String containerId) {
    calls.add("start " + containerId);
    Box b = get(containerId);
    if (b.state != State.CREATED) {
      throw new ConflictException("container " + containerId + " was started already");
    }
    b.state = State.RUNNING;
    return 42;
  }

  @Override
  public CompletableFuture<Integer> exit(String containerId) {
    Box b = get(containerId);
    return b.state == State.RUNNING ? b.exit : CompletableFuture.completedFuture(b.exitCode);
  }

  @Override
  public void stop(String containerId, Duration grace) {
    calls.add("stop " + containerId + " " + (grace == null ? "own" : grace.toSeconds() + "s"));
    Box b = find(containerId);
    if (b != null && b.state == State.RUNNING) {
      exit(b, 143);
    }
  }

  @Override
  public synchronized void remove(String containerId) {
    calls.add("remove " + containerId);
    Box b = boxes.remove(containerId);
    if (b != null && b.state == State.RUNNING) {
      exit(b, 137);
    }
  }

  @Override
  public void logs(String containerId, LogQuery q, JsonLogFile.Sink sink, BooleanSupplier stop) throws IOException {
    Box b = get(containerId);
    List<String> lines = b.lines;
    int from = q.tail() < 0 ? 0 : Math.max(0, lines.size() - q.tail());
    for (String l : lines.subList(from, lines.size())) {
      sink.accept(new LogEntry(LogEntry.STDOUT, (l + "\n").getBytes(), Instant.now()));
    }
  }

  private synchronized Box find(String id) {
    return boxes.get(id);
  }

  private Box get(String id) {
    Box b = find(id);
    if (b == null) {
      throw new NotFoundException("No such container: " + id);
    }
    return b;
  }
}
