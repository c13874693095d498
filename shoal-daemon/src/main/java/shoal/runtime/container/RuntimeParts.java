package shoal.runtime.container;

import java.time.Clock;
import shoal.events.EventLog;
import shoal.net.ContainerNetworking;
import shoal.runtime.image.ImageStore;
import shoal.runtime.runc.Runc;

/** The other parts of the daemon the container side works with. */
public record RuntimeParts(ImageStore images, ContainerNetworking networking, Runc runc, EventLog events, Clock clock) {}
