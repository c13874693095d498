/**
 * Cluster identity and security: IDs, join tokens, the root CA, node certificates and their
 * storage, mutual-TLS gRPC on the cluster port (2377), and both sides of joining.
 *
 * <p>Trust comes from certificates only. A node's ID (CN), role (OU {@code swarm-manager} or
 * {@code swarm-worker}) and cluster (O) are what its certificate says; {@link shoal.cluster.AuthInterceptor}
 * reads them from the TLS session and no request field can override them. The one call open
 * without a certificate is {@code NodeCa/Join}, guarded by the join token's secret; the joining
 * side pins the server's root CA by the token's digest before it sends anything.
 *
 * <p>This package does not know the store: the swarm service gives it the cluster's state through
 * {@link shoal.cluster.NodeDirectory} and {@link shoal.cluster.CaKeySource}.
 */
package shoal.cluster;
