package shoal.net;

/**
 * One published port: {@code -p [hostIp:]hostPort:containerPort[/proto]}.
 *
 * @param protocol tcp or udp
 * @param hostIp the host address to listen on; empty for all
 * @param hostPort the host port; 0 asks for one to be chosen
 */
public record PortBinding(String protocol, int containerPort, String hostIp, int hostPort) {}
