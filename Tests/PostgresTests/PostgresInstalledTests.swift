import PostgresCluster
import Testing

/// Without PostgreSQL the cluster tests are skipped, saying why; where CI is set, this fails the run instead.
@Test func postgreSQLIsInstalledWhereCIIsSet() throws {
    if PostgresCluster.required && !PostgresCluster.available { throw PostgresCluster.ClusterError(description: PostgresCluster.missingMessage) }
}
