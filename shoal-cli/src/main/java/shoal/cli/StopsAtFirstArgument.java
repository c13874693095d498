package shoal.cli;

/**
 * Marks commands whose first positional argument ends option parsing ({@code run IMAGE CMD...},
 * {@code exec CONTAINER CMD...}): the rest belongs to the container's command line, as with docker.
 */
public interface StopsAtFirstArgument {}
