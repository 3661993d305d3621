/** Where each of the server's four services listens, plus its metrics. */
export interface TemporalServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
  metrics: number;
}

/** The schema the server's SQL tool installs in each database (embedded in `temporal-sql-tool`). */
export const TEMPORAL_DATABASES = {
  default: 'postgresql/v12/temporal',
  visibility: 'postgresql/v12/visibility',
} as const;

export interface TemporalServerConfigInput {
  shards: number;
  postgres: { host: string; port: number; user: string; password: string };
  databases: { default: string; visibility: string };
  ports: TemporalServerPorts;
  dynamicConfigFile: string;
}

/**
 * The server's configuration, after the module's `config/development-postgres12.yaml`: persistence
 * and advanced visibility both on PostgreSQL (`postgres12`), `shards` history shards (fixed for the
 * life of a cluster: choose it for the largest size you will need), every service on loopback with
 * its own ports. docker-compose.yml sets the same through the `temporalio/server` image's variables.
 */
export function renderTemporalServerConfig(input: TemporalServerConfigInput): string {
  const { postgres, ports } = input;
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${postgres.host}:${postgres.port}"
        connectProtocol: tcp
        user: ${postgres.user}
        password: "${postgres.password}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = (grpc: number, membership: number, http?: number) => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  return `log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${input.shards}
  datastores:
    postgres-default:${store(input.databases.default, 20)}
    postgres-visibility:${store(input.databases.visibility, 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:${ports.metrics}"
services:
  frontend:${service(ports.frontend, ports.frontendMembership, ports.frontendHttp)}
  history:${service(ports.history, ports.historyMembership)}
  matching:${service(ports.matching, ports.matchingMembership)}
  worker:${service(ports.worker, ports.workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:${ports.frontend}"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${input.dynamicConfigFile}
  pollInterval: 10s
`;
}
