export { sandboxRoutes, type SandboxRoutesOptions } from './sandbox-routes';
